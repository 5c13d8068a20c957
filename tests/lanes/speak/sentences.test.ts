import { describe, expect, it } from 'vitest';
import { cutLongSentence, splitSentences } from '../../../src/lanes/speak/sentences.ts';

describe('sentences', () => {
  it('GIVEN English sentences THEN Intl.Segmenter splits them, abbreviations and decimals stay whole', () => {
    expect(splitSentences('Hello there. Version 2.5 is out! Is it? Yes.', 'en', 300)).toEqual([
      'Hello there.',
      'Version 2.5 is out!',
      'Is it?',
      'Yes.',
    ]);
  });

  it('GIVEN Japanese with 。！？ and no spaces THEN each is a sentence; with spaces too', () => {
    expect(splitSentences('今日は晴れです。明日は雨かな？楽しみ！さようなら', 'ja', 120)).toEqual([
      '今日は晴れです。',
      '明日は雨かな？',
      '楽しみ！',
      'さようなら',
    ]);
    expect(splitSentences('はい。 いいえ。', 'ja', 120)).toEqual(['はい。', 'いいえ。']);
  });

  it('GIVEN lines THEN a line break always ends a sentence', () => {
    expect(splitSentences('First line\nsecond line.', 'en', 300)).toEqual(['First line', 'second line.']);
  });

  it('GIVEN a sentence over the limit THEN it is cut at a clause mark, else a space, else hard', () => {
    expect(cutLongSentence('alpha beta, gamma delta epsilon', 15)).toEqual(['alpha beta,', 'gamma delta', 'epsilon']);
    expect(cutLongSentence('今日はとても良い天気なので、公園に散歩に行きましょう。', 16)).toEqual([
      '今日はとても良い天気なので、',
      '公園に散歩に行きましょう。',
    ]);
    expect(cutLongSentence('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('GIVEN pieces with nothing to say THEN they are dropped', () => {
    expect(splitSentences('Well.\n...\n!!! ?', 'en', 300)).toEqual(['Well.']);
  });
});
