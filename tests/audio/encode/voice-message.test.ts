/** The whole voice-message path: samples at the model's rate -> 48 kHz OGG/Opus + metadata, read back by real decoders. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/audio/decode.ts';
import { encodeVoiceMessage, to48k } from '../../../src/audio/encode/index.ts';
import { LIMITS, rms, toneAmplitude } from '../helpers.ts';
import { sine } from './pages.ts';

const hasFfprobe = spawnSync('ffprobe', ['-version'], { stdio: 'ignore' }).status === 0;
const scratch = mkdtempSync(path.join(tmpdir(), 'voice-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// 3 s at the TTS model's 44.1 kHz: a 440 Hz tone for 2 s, then 1 s of silence.
const source = new Float32Array(44100 * 3);
source.set(sine(440, 44100, 2, 0.5));
const message = encodeVoiceMessage(source, 44100);

describe('voice message encoding', () => {
  it('GIVEN 3 s at 44.1 kHz THEN it becomes exactly 3 s at 48 kHz with matching metadata', () => {
    expect(message.samples).toBe(144_000);
    expect(message.durationSecs).toBe(3);
    const waveform = Buffer.from(message.waveform, 'base64');
    expect(waveform).toHaveLength(30); // one point per 100 ms
    expect([...waveform.subarray(0, 20)].every((v) => v >= 250)).toBe(true); // the tone, normalised to 255
    expect([...waveform.subarray(20)].every((v) => v === 0)).toBe(true); // the silence
  });

  it('GIVEN ~32 kbit/s THEN 3 s of speech-band audio is a few KB', () => {
    expect(message.ogg.length).toBeGreaterThan(4_000);
    expect(message.ogg.length).toBeLessThan(16_000);
  });

  it("THEN the project's own decoder (ogg-opus-decoder) reads it back: same length, the tone, then silence", async () => {
    const decoded = await decodeAudio(message.ogg, LIMITS, { ffmpegPath: null });
    expect(decoded.sourceFormat).toBe('ogg-opus');
    expect(decoded.sourceSampleRate).toBe(48000);
    expect(decoded.sourceChannels).toBe(1);
    expect(decoded.durationSec).toBeCloseTo(3, 3);
    const rate = decoded.sampleRate;
    expect(toneAmplitude(decoded.samples, rate, 440, rate * 0.5, rate * 1.5)).toBeGreaterThan(0.4);
    expect(rms(decoded.samples, rate * 2.2, rate * 2.9)).toBeLessThan(0.01);
  });

  it.skipIf(!hasFfprobe)(
    'THEN ffprobe sees mono 48 kHz Opus in Ogg of the right duration (skipped without ffprobe: apt-get install ffmpeg)',
    () => {
      const file = path.join(scratch, 'voice.ogg');
      writeFileSync(file, message.ogg);
      const out = execFileSync('ffprobe', [
        '-v',
        'error',
        '-show_entries',
        'format=format_name,duration:stream=codec_name,sample_rate,channels',
        '-of',
        'json',
        file,
      ]);
      const probe = JSON.parse(out.toString()) as { format: { format_name: string; duration: string }; streams: Record<string, unknown>[] };
      expect(probe.format.format_name).toBe('ogg');
      expect(probe.streams).toEqual([{ codec_name: 'opus', sample_rate: '48000', channels: 1 }]);
      // ffprobe's container duration counts the pre-skip (last granule / 48 kHz); decoders drop it.
      expect(Number(probe.format.duration)).toBeCloseTo((312 + 144_000) / 48_000, 4);
      // ffmpeg decodes it without an error, to exactly the 144 000 samples put in (pre-skip and end trim honoured).
      const decode = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 's16le', '-'], { maxBuffer: 1 << 24 });
      expect(decode.status).toBe(0);
      expect(decode.stderr.toString()).toBe('');
      expect(decode.stdout.length).toBe(144_000 * 2);
    },
  );

  it('GIVEN 48 kHz input THEN resampling is skipped; other rates are converted band-limited', () => {
    const at48 = sine(1000, 48000, 0.5);
    expect(to48k(at48, 48000)).toBe(at48);
    const up = to48k(sine(1000, 44100, 1), 44100);
    expect(up.length).toBe(48000);
    expect(toneAmplitude(up, 48000, 1000, 4800, 43200)).toBeCloseTo(0.5, 2);
  });
});
