import { describe, expect, it } from 'vitest';
import { voiceMetadata, waveformBytes, waveformPoints } from '../../../src/audio/encode/index.ts';

describe('voice message waveform', () => {
  it('GIVEN clip lengths THEN one point per 100 ms, at least 1 and at most 256', () => {
    expect([0, 0.05, 0.1, 0.19, 1, 10.05, 25.6, 60, 600].map(waveformPoints)).toEqual([1, 1, 1, 1, 10, 100, 256, 256, 256]);
  });

  it('GIVEN loud, quiet and silent stretches THEN the bytes follow their RMS, loudest = 255', () => {
    const samples = new Float32Array(300);
    samples.fill(0.8, 0, 100);
    samples.fill(0.2, 100, 200);
    expect([...waveformBytes(samples, 3)]).toEqual([255, 64, 0]);
  });

  it('GIVEN silence THEN every point is 0 (no division by zero)', () => {
    expect([...waveformBytes(new Float32Array(4800), 4)]).toEqual([0, 0, 0, 0]);
  });

  it('GIVEN more points than samples THEN every point still reads at least one sample', () => {
    expect([...waveformBytes(Float32Array.of(1, -1), 4)]).toEqual([255, 255, 255, 255]);
  });

  it('GIVEN 1.25 s at 48 kHz THEN duration_secs is exact and the waveform is 12 base64-encoded bytes', () => {
    const meta = voiceMetadata(new Float32Array(60_000).fill(0.5), 48000);
    expect(meta.durationSecs).toBe(1.25);
    expect(Buffer.from(meta.waveform, 'base64')).toEqual(Buffer.alloc(12, 255));
  });
});
