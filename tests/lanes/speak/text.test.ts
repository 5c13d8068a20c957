import { describe, expect, it } from 'vitest';
import { encodeText, preprocessText } from '../../../src/lanes/speak/engine/supertonic/text.ts';

describe('Supertonic text front end (reference UnicodeProcessor behaviour)', () => {
  it('GIVEN English without closing punctuation THEN it adds a period and wraps the language tags', () => {
    expect(preprocessText('Hello   world', 'en')).toBe('<en>Hello world.</en>');
  });

  it('GIVEN symbols the reference rewrites THEN dashes, quotes, slashes and "@" are normalised and emoji dropped', () => {
    expect(preprocessText('Tom\u2019s “A/B” test — e.g., at 5 ☀️ ok @home!', 'en')).toBe(
      `<en>Tom's "A B" test - for example, at 5 ok at home!</en>`,
    );
  });

  it('GIVEN a space before punctuation THEN the space goes', () => {
    expect(preprocessText('Really ? Yes , sure .', 'en')).toBe('<en>Really? Yes, sure.</en>');
  });

  it('GIVEN Japanese ending in 。 THEN no period is added; voiced kana are decomposed (NFKD) as the model was trained', () => {
    const out = preprocessText('学校でございます。', 'ja');
    expect(out).toBe('<ja>学校て\u3099こ\u3099さ\u3099います。</ja>');
    expect(preprocessText('ありがとう', 'ja').endsWith('う.</ja>'.normalize('NFKD'))).toBe(true);
  });

  it('GIVEN full-width punctuation THEN NFKD maps it to ASCII before the closing check', () => {
    expect(preprocessText('本当？', 'ja')).toBe('<ja>本当?</ja>');
  });

  it('GIVEN characters the indexer lacks THEN they are skipped and reported, the rest encoded in order', () => {
    const indexer = Int32Array.from({ length: 128 }, (_, cp) => (cp >= 0x61 && cp <= 0x7a ? cp - 0x60 : -1));
    const { ids, unknown } = encodeText('ab\u{20000}c!', indexer);
    expect([...ids]).toEqual([1n, 2n, 3n]);
    expect(unknown).toEqual(['\u{20000}', '!']);
  });
});
