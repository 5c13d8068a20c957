import { describe, expect, it } from 'vitest';
import { decodeAudio, Resampler, resampleTo16k } from '../../src/audio/index.ts';
import { db, fixture, LIMITS, prng, rms, sine, toneAmplitude } from './helpers.ts';

/** Steady-state region: skips the filter's start-up and tail transients. */
const middle = (x: Float32Array): [number, number] => [800, x.length - 800];

describe('resampling to 16 kHz', () => {
  it('GIVEN the stereo 44.1 kHz 440 Hz tone THEN the result is a 440 Hz tone at the same level', async () => {
    const audio = await decodeAudio(fixture('tone-440-stereo-44k.wav'), LIMITS, { ffmpegPath: null });
    const [from, to] = middle(audio.samples);
    let crossings = 0;
    for (let i = from + 1; i < to; i++) if (audio.samples[i - 1]! < 0 !== audio.samples[i]! < 0) crossings++;
    const expected = (2 * 440 * (to - from)) / 16000;
    expect(Math.abs(crossings - expected)).toBeLessThanOrEqual(2);
    const peak = toneAmplitude(audio.samples, 16000, 440, from, to);
    expect(Math.abs(db(peak / 0.501))).toBeLessThan(0.1); // -6 dBFS in the source
    expect(toneAmplitude(audio.samples, 16000, 880, from, to)).toBeLessThan(peak * 1e-3);
  });

  for (const rate of [48000, 44100, 22050, 32000, 44101]) {
    it(`GIVEN a 12 kHz tone at ${rate} Hz THEN it is removed instead of aliasing into the speech band`, () => {
      const input = sine(12000, rate, 1);
      const output = resampleTo16k([input], rate);
      const [from, to] = middle(output);
      // 12 kHz would fold to 4 kHz (or nearby) without the anti-aliasing filter.
      expect(db(rms(output, from, to) / rms(input))).toBeLessThan(-60);
    });

    it(`GIVEN speech-band tones at ${rate} Hz THEN they pass with < 0.1 dB change`, () => {
      for (const hz of [300, 1000, 4000, 6500]) {
        const output = resampleTo16k([sine(hz, rate, 0.5)], rate);
        const [from, to] = middle(output);
        expect(Math.abs(db(toneAmplitude(output, 16000, hz, from, to) / 0.5))).toBeLessThan(0.1);
      }
    });
  }

  it('GIVEN 8 kHz telephone audio THEN it is upsampled with the tone intact and twice the samples', () => {
    const output = resampleTo16k([sine(1000, 8000, 0.5)], 8000);
    expect(output.length).toBe(8000);
    const [from, to] = middle(output);
    expect(Math.abs(db(toneAmplitude(output, 16000, 1000, from, to) / 0.5))).toBeLessThan(0.1);
  });

  it('GIVEN 16 kHz input THEN it is passed through untouched', () => {
    const input = sine(7900, 16000, 0.1);
    expect(resampleTo16k([input], 16000)).toEqual(input);
  });

  it('GIVEN the same signal in random block sizes THEN the output is identical to a single block', () => {
    const random = prng(7);
    const input = Float32Array.from({ length: 44100 }, () => random() * 2 - 1);
    const whole = resampleTo16k([input], 44100, input.length);
    const resampler = new Resampler(44100);
    for (let at = 0; at < input.length;) {
      const n = Math.min(input.length - at, 1 + Math.floor(random() * 3000));
      resampler.pushChannels([input.subarray(at, at + n)]);
      at += n;
    }
    const pieces = resampler.finish();
    expect(pieces.length).toBe(Math.ceil((44100 * 16000) / 44100));
    expect(pieces).toEqual(whole);
  });

  it('GIVEN opposite-phase stereo channels THEN the mono downmix is their average (silence)', () => {
    const left = sine(440, 48000, 0.2);
    const right = left.map((v) => -v);
    expect(rms(resampleTo16k([left, right], 48000))).toBeLessThan(1e-6);
  });
});
