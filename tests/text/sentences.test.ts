import { describe, expect, it } from 'vitest';
import { splitAtSentences, splitSentences } from '../../src/text/sentences.ts';

describe('sentence splitting', () => {
  it('GIVEN Japanese with 。！？ and no spaces THEN each ends a sentence, and joining gives the text back', () => {
    const text = 'こんにちは。元気？はい！次です。 最後';
    const sentences = splitSentences(text);
    expect(sentences).toEqual(['こんにちは。', '元気？', 'はい！', '次です。 ', '最後']);
    expect(sentences.join('')).toBe(text);
  });

  it('GIVEN English with abbreviations and version numbers THEN only real sentence ends split', () => {
    expect(splitSentences('Version 1.2.3 is out. See e.g. the notes.\nThanks!')).toEqual([
      'Version 1.2.3 is out. ',
      'See e.g. the notes.\n',
      'Thanks!',
    ]);
  });

  it('GIVEN 2,600 characters of Japanese THEN chunks stay within the limit and no word is cut', () => {
    const sentence = '東京駅から新宿駅までは電車で十五分くらいかかります。';
    const text = sentence.repeat(Math.ceil(2600 / sentence.length));
    const chunks = splitAtSentences(text, 300);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      expect(chunk.endsWith('。')).toBe(true);
    }
  });

  it('GIVEN one sentence longer than the limit THEN it is cut between words', () => {
    const chunks = splitAtSentences('alpha beta gamma delta epsilon zeta', 12);
    expect(chunks.join('')).toBe('alpha beta gamma delta epsilon zeta');
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(12);
    expect(chunks.every((chunk) => /^(\s|\w)+$/u.test(chunk) && !/^\w+\s\w{1,3}$/u.test('x'))).toBe(true);
    expect(chunks).toEqual(['alpha beta ', 'gamma delta ', 'epsilon zeta']);
  });
});
