/** The seam stitcher on synthetic word lists: no doubled and no dropped words where windows overlap. */
import { describe, expect, it } from 'vitest';
import { mergeOverlap, splitUnits, stitch } from '../../../src/lanes/transcribe/stitch.ts';

const words = (text: string) => splitUnits(text);

describe('transcript stitching', () => {
  it('GIVEN two windows that heard the same words in their overlap THEN each word appears once', () => {
    const text = stitch([
      { text: ' the quick brown fox jumps over the la', overlapSec: 0, durationSec: 30 },
      { text: ' ox jumps over the lazy dog', overlapSec: 5, durationSec: 30 },
    ]);
    expect(text).toBe('the quick brown fox jumps over the lazy dog');
  });

  it('GIVEN the overlap words differ in case and punctuation THEN they still match', () => {
    const merged = mergeOverlap(words(' one two three. Four five'), words(' three four five six'), 3, 3);
    expect(merged.join('')).toBe(' one two three. four five six');
  });

  it('GIVEN windows cut at a pause THEN the texts simply follow each other, spaced', () => {
    const text = stitch([
      { text: 'Hello there.', overlapSec: 0, durationSec: 20 },
      { text: 'General Kenobi.', overlapSec: 0, durationSec: 10 },
    ]);
    expect(text).toBe('Hello there. General Kenobi.');
  });

  it('GIVEN Japanese without spaces THEN characters are the units and the seam is merged', () => {
    expect(splitUnits('使い方を教えて')).toHaveLength(7);
    const text = stitch([
      { text: 'こんにちは、このボットの使い方', overlapSec: 0, durationSec: 8 },
      { text: 'ボットの使い方を教えてください', overlapSec: 3, durationSec: 8 },
    ]);
    expect(text).toBe('こんにちは、このボットの使い方を教えてください');
  });

  it('GIVEN a single shared common word only THEN it is not taken as the seam', () => {
    // "the" alone must not align the windows: the fallback cuts at the middle of the overlap instead.
    const merged = mergeOverlap(words(' a b c d the x'), words(' y the e f g h'), 2, 2);
    expect(merged.join('')).toBe(' a b c d the the e f g h');
  });

  it('GIVEN many windows with random overlaps THEN the stitched text equals the spoken text', () => {
    const spoken = Array.from({ length: 200 }, (_, i) => `w${i}`);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const parts: { text: string; overlapSec: number; durationSec: number }[] = [];
    let start = 0;
    while (start < spoken.length) {
      const end = Math.min(spoken.length, start + 50);
      const shared = parts.length ? 8 : 0;
      const from = Math.max(0, start - shared);
      // Edge words are garbled (cut in half) as a real window would hear them.
      const heard = spoken
        .slice(from, end)
        .map((w, i, all) => ((i === 0 && shared) || (i === all.length - 1 && end < spoken.length) ? `${w}x` : w));
      parts.push({ text: ` ${heard.join(' ')}`, overlapSec: shared ? 5 : 0, durationSec: 30 });
      start = end - Math.floor(random() * 3);
    }
    expect(stitch(parts)).toBe(spoken.join(' '));
  });
});
