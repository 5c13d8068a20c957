import { describe, expect, it } from 'vitest';
import { findLanguage, LANGUAGES, searchLanguages } from '../../src/text/languages.ts';

const codes = (query: string) => searchLanguages(query).map((language) => language.code);

describe('language names in English and Japanese', () => {
  it('GIVEN 「日本語」「にほん」「英語」「ja」 THEN autocomplete finds them first', () => {
    expect(codes('日本語')[0]).toBe('ja');
    expect(codes('にほん')[0]).toBe('ja');
    expect(codes('ニホン')[0]).toBe('ja');
    expect(codes('英語')).toEqual(['en']);
    expect(codes('えいご')).toEqual(['en']);
    expect(codes('ja')[0]).toBe('ja');
    expect(codes('Japa')).toEqual(['ja']);
    expect(codes('ドイツ')).toEqual(['de']);
    expect(codes('中国語')).toEqual(['zh', 'zh-tw']);
    expect(codes('german')).toEqual(['de']);
  });

  it('GIVEN nothing typed THEN the first 25 languages are offered; GIVEN nonsense THEN none', () => {
    expect(searchLanguages('')).toHaveLength(25);
    expect(searchLanguages('klingon')).toEqual([]);
  });

  it('GIVEN a code, an English or a Japanese name THEN findLanguage resolves it exactly', () => {
    expect(findLanguage('JA')?.code).toBe('ja');
    expect(findLanguage('japanese')?.code).toBe('ja');
    expect(findLanguage('日本語')?.code).toBe('ja');
    expect(findLanguage('えいご')?.code).toBe('en');
    expect(findLanguage('zh-TW')?.code).toBe('zh-tw');
    expect(findLanguage('日本')).toBeUndefined();
  });

  it('GIVEN every language THEN it has a Japanese name and a hiragana reading', () => {
    for (const language of LANGUAGES.values()) {
      expect(language.ja, language.code).toMatch(/\p{Script=Han}|\p{Script=Katakana}/u);
      expect(language.kana, language.code).toMatch(/^[\p{Script=Hiragana}ー]+$/u);
    }
  });
});
