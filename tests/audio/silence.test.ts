import { describe, expect, it } from 'vitest';
import { decodeAudio, trimSilence } from '../../src/audio/index.ts';
import { fixture, LIMITS, prng } from './helpers.ts';

const decode = async (name: string): Promise<Float32Array> => (await decodeAudio(fixture(name), LIMITS, { ffmpegPath: null })).samples;

describe('silence detection and trimming', () => {
  it('GIVEN a silent voice message THEN no speech is reported', async () => {
    const result = trimSilence(await decode('silence.ogg'), 16000);
    expect(result.hasSpeech).toBe(false);
  });

  it('GIVEN a spoken voice message THEN speech is reported in both languages', async () => {
    for (const name of ['voice-en.ogg', 'voice-ja.ogg']) {
      expect(trimSilence(await decode(name), 16000).hasSpeech).toBe(true);
    }
  });

  it('GIVEN speech with long silent edges THEN the edges are trimmed to a short padding', async () => {
    const speech = await decode('voice-en.ogg');
    const padded = new Float32Array(speech.length + 6 * 16000);
    padded.set(speech, 3 * 16000);
    const result = trimSilence(padded, 16000);
    expect(result.hasSpeech).toBe(true);
    expect(result.startSec).toBeGreaterThan(2.5);
    expect(result.startSec).toBeLessThan(3.1);
    expect(result.samples.length).toBeLessThan(speech.length + 16000);
    expect(result.samples.length).toBeGreaterThan(speech.length * 0.8);
  });

  it('GIVEN faint steady hiss THEN it is not mistaken for speech', () => {
    const random = prng(3);
    const hiss = Float32Array.from({ length: 3 * 16000 }, () => (random() * 2 - 1) * 0.002);
    expect(trimSilence(hiss, 16000).hasSpeech).toBe(false);
  });

  it('GIVEN a single click in silence THEN it is not speech', () => {
    const clicks = new Float32Array(2 * 16000);
    clicks.fill(0.8, 16000, 16000 + 160);
    expect(trimSilence(clicks, 16000).hasSpeech).toBe(false);
  });

  it('GIVEN no samples at all THEN no speech is reported', () => {
    const empty = new Float32Array(0);
    expect(trimSilence(empty, 16000)).toEqual({ samples: empty, hasSpeech: false, startSec: 0 });
  });
});
