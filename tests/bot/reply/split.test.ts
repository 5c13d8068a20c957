import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISCORD_MESSAGE_LIMIT, splitMessage } from '../../../src/bot/reply/split.ts';

const fences = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('```')).length;

describe('splitting long replies for Discord', () => {
  it('GIVEN a short text THEN it is one message', () => {
    expect(splitMessage('hello')).toEqual(['hello']);
  });

  it('GIVEN 5,000 characters of prose THEN every part fits and cuts fall at sentence ends', () => {
    const sentence = 'This is a sentence that goes on for a while. ';
    const text = sentence.repeat(Math.ceil(5000 / sentence.length));
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ').replace(/\s+/gu, ' ')).toBe(text.trim().replace(/\s+/gu, ' '));
  });

  it('GIVEN lines THEN cuts prefer line breaks', () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i} without a full stop`).join('\n');
    const parts = splitMessage(text);
    for (const part of parts) expect(part.split('\n').every((line) => /^line \d+ without a full stop$/u.test(line))).toBe(true);
  });

  it('GIVEN a code block longer than one message THEN each part closes and reopens the fence with its language', () => {
    const code = Array.from({ length: 200 }, (_, i) => `const value${i} = ${i};`).join('\n');
    const parts = splitMessage(`Here:\n\`\`\`ts\n${code}\n\`\`\`\nDone.`);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(fences(part) % 2).toBe(0);
    }
    expect(parts[1]?.startsWith('```ts\n')).toBe(true);
  });

  it('GIVEN one unbroken word longer than the limit THEN it is cut hard', () => {
    const parts = splitMessage('x'.repeat(4500));
    expect(parts.map((part) => part.length)).toEqual([1996, 1996, 508]);
  });
});

describe('splitting long Japanese replies', () => {
  /** 2,602 characters of Tatoeba sentences written as Japanese prose: no spaces after 。！？, no line breaks. */
  const japanese = readFileSync(new URL('../../fixtures/text/ja-2600.txt', import.meta.url), 'utf8').trim();
  const wordBoundaries = (text: string): Set<number> =>
    new Set([...new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)].map((s) => s.index));
  /** Where each part after the first starts in the original text. */
  const cutsOf = (parts: string[]): number[] => parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('').length);

  it('GIVEN 2,600 characters of Japanese THEN parts end at 。！？ without a following space and lose nothing', () => {
    const parts = splitMessage(japanese);
    expect(parts.length).toBe(2);
    expect(parts.join('')).toBe(japanese);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/[。！？][」』）]?$/u);
  });

  it('GIVEN a smaller limit THEN every cut is a sentence end, and a sentence ending in ？ counts as one', () => {
    const parts = splitMessage(japanese, 300);
    expect(parts.join('')).toBe(japanese);
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/[。！？][」』）]?$/u);
    expect(parts.some((part) => part.endsWith('？'))).toBe(true);
  });

  it('GIVEN Japanese without sentence punctuation THEN cuts fall between words, never inside one', () => {
    const unpunctuated = japanese.replace(/[。！？、\s]/gu, '');
    const parts = splitMessage(unpunctuated, 200);
    expect(parts.join('')).toBe(unpunctuated);
    const boundaries = wordBoundaries(unpunctuated);
    for (const cut of cutsOf(parts)) expect(boundaries.has(cut), `cut at ${cut}: …${unpunctuated.slice(cut - 5, cut + 5)}…`).toBe(true);
  });

  it('GIVEN the examples from the issue THEN 。！？ end sentences with or without a space', () => {
    const text = 'ロールはどうやってもらえますか？#roles で選んでください。ありがとう！';
    expect(splitMessage(`${text.repeat(3)}`, 40)).toEqual([
      'ロールはどうやってもらえますか？#roles で選んでください。',
      'ありがとう！ロールはどうやってもらえますか？',
      '#roles で選んでください。ありがとう！',
      'ロールはどうやってもらえますか？#roles で選んでください。ありがとう！',
    ]);
  });
});
