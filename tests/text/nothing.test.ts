import { describe, expect, it } from 'vitest';
import { nothingToTranslate } from '../../src/text/nothing.ts';

describe('nothing to translate', () => {
  it('GIVEN emoji, a link, code or mentions alone THEN there is nothing to translate, and says why', () => {
    expect(nothingToTranslate('😂😂 👍🏽 🇯🇵')).toBe('emoji');
    expect(nothingToTranslate('123')).toBe('symbols');
    expect(nothingToTranslate('<:pepe:123456789012345678> <a:dance:123456789012345679>')).toBe('emoji');
    expect(nothingToTranslate('https://example.com/a?b=c')).toBe('url');
    expect(nothingToTranslate('```js\nconst x = 1;\n```')).toBe('code');
    expect(nothingToTranslate('`npm start`')).toBe('code');
    expect(nothingToTranslate('<@123456789012345678> <#123456789012345678> @here')).toBe('mentions');
    expect(nothingToTranslate('')).toBe('empty');
    expect(nothingToTranslate('  ')).toBe('empty');
    expect(nothingToTranslate('!!! 123 ???')).toBe('symbols');
  });

  it('GIVEN laughter (www, 草, lol, ㅋㅋ) THEN there is nothing to translate', () => {
    for (const text of ['www', 'ｗｗｗ', '草', '草草草', 'lol', 'LMAO', 'hahaha', 'ㅋㅋㅋ', 'xD', 'www草']) {
      expect(nothingToTranslate(text), text).toMatch(/laughter|too-short/u);
    }
    expect(nothingToTranslate('www')).toBe('laughter');
  });

  it('GIVEN under 8 letters (a kana or kanji counts twice) THEN it is too short for automatic translation', () => {
    expect(nothingToTranslate('ok')).toBe('too-short');
    expect(nothingToTranslate('了解')).toBe('too-short');
    expect(nothingToTranslate('thanks!')).toBe('too-short');
    expect(nothingToTranslate('ありがとう')).toBeUndefined();
    expect(nothingToTranslate('see you tomorrow')).toBeUndefined();
    expect(nothingToTranslate('<@123456789012345678> see you tomorrow')).toBeUndefined();
  });

  it('GIVEN an explicit request (minLetters 0) THEN short words are translated but emoji still are not', () => {
    expect(nothingToTranslate('ok', { minLetters: 0 })).toBeUndefined();
    expect(nothingToTranslate('了解', { minLetters: 0 })).toBeUndefined();
    expect(nothingToTranslate('👍', { minLetters: 0 })).toBe('emoji');
  });
});
