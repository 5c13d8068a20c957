/** Window planning: cuts at pauses when there is one, overlapping hard cuts when speech never stops. */
import { describe, expect, it } from 'vitest';
import { frameActivity } from '../../../src/audio/index.ts';
import { planWindows } from '../../../src/lanes/transcribe/windows.ts';
import { sine } from '../../audio/helpers.ts';

const RATE = 16000;
const options = { windowSec: 30, overlapSec: 5 };

/** A tone whose loudness rises and falls 3 times a second, like syllables, but never goes quiet. */
function speechLike(seconds: number): Float32Array {
  return sine(300, RATE, seconds, 0.3).map((value, i) => value * (0.6 + 0.4 * Math.sin((2 * Math.PI * 3 * i) / RATE)));
}

/** "Speech" with silent gaps: [seconds of speech, seconds of silence, …]. */
function bursts(pattern: readonly number[]): Float32Array {
  const parts = pattern.map((seconds, i) => (i % 2 === 0 ? speechLike(seconds) : new Float32Array(Math.round(seconds * RATE))));
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}

describe('window planning', () => {
  it('GIVEN audio shorter than a window THEN it is one window', () => {
    const audio = bursts([10]);
    expect(planWindows(audio.length, RATE, frameActivity(audio, RATE), options)).toEqual([{ start: 0, end: audio.length, overlap: 0 }]);
  });

  it('GIVEN pauses every 10 s THEN windows end inside a pause and do not overlap', () => {
    const audio = bursts([9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9]);
    const windows = planWindows(audio.length, RATE, frameActivity(audio, RATE), options);
    expect(windows.length).toBeGreaterThan(2);
    for (const [index, window] of windows.entries()) {
      expect(window.overlap).toBe(0);
      expect(window.end - window.start).toBeLessThanOrEqual(30 * RATE);
      if (index > 0) expect(window.start).toBe(windows[index - 1]!.end);
      // The cut is inside a pause (9-10 s, 19-20 s, …), never in the speech.
      if (index < windows.length - 1) expect((window.end / RATE) % 10).toBeGreaterThan(9);
    }
    expect(windows.at(-1)!.end).toBe(audio.length);
  });

  it('GIVEN 70 s of uninterrupted speech THEN 30 s windows overlap by 5 s and cover everything', () => {
    const audio = bursts([70]);
    const windows = planWindows(audio.length, RATE, frameActivity(audio, RATE), options);
    expect(windows.map((w) => [w.start / RATE, w.end / RATE, w.overlap / RATE])).toEqual([
      [0, 30, 0],
      [25, 55, 5],
      [50, 70, 5],
    ]);
  });
});
