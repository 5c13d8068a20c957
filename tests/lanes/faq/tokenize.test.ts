import { describe, expect, it } from 'vitest';
import { extractFeatures, normalize, words } from '../../../src/lanes/faq/retrieval/tokenize.ts';

const featureWords = (text: string): string[] => [...extractFeatures(text).keys()].filter((k) => k.startsWith('w')).map((k) => k.slice(1));

describe('normalize', () => {
  it('folds full-width letters, half-width katakana and case', () => {
    expect(normalize('ＨＥＬＬＯ　Ｗｏｒｌｄ')).toBe('hello world');
    expect(normalize('ｶﾀｶﾅ')).toBe('カタカナ');
  });

  it('strips accents from Latin letters but keeps Japanese voiced marks', () => {
    expect(normalize('Café Résumé')).toBe('cafe resume');
    expect(normalize('がぎぐ')).toBe('がぎぐ');
  });

  it('drops mentions and timestamps, keeps custom emoji names (as words) and URL hosts', () => {
    expect(normalize('<@123456789> <@!42> <#987> <@&55> hi <t:1700000000:R>')).toBe('hi');
    expect(normalize('nice <:pepe_happy:123456> <a:wave:99>')).toBe('nice pepe happy wave');
    expect(normalize('see https://www.example.com/some/long/path?x=1 now')).toBe('see example.com now');
  });

  it('removes markdown emphasis and spoilers', () => {
    expect(normalize('**bold** __under__ ||spoiler|| `code`')).toBe('bold under spoiler code');
  });
});

describe('words', () => {
  it('segments Japanese without spaces using ICU', () => {
    expect(words(normalize('サーバーに参加するにはどうすればいいですか'))).toEqual(expect.arrayContaining(['サーバー', '参加', 'する']));
  });

  it('splits English on spaces and punctuation, keeping contractions', () => {
    expect(words(normalize("How do I join? It's easy!"))).toEqual(['how', 'do', 'i', 'join', "it's", 'easy']);
  });

  it('handles mixed scripts in one message', () => {
    expect(words(normalize('Discordの通知をオフにしたい'))).toEqual(expect.arrayContaining(['discord', '通知', 'オフ']));
  });

  it('keeps emoji as words and ignores skin tones', () => {
    expect(words(normalize('👍🏽 ok 👍'))).toEqual(['👍', 'ok', '👍']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(words(normalize(''))).toEqual([]);
    expect(words(normalize('   ?!...  '))).toEqual([]);
  });
});

describe('extractFeatures', () => {
  it('produces words, word bigrams and padded character n-grams', () => {
    const f = extractFeatures('join voice');
    expect(f.get('wjoin')).toBe(1);
    expect(f.get('bjoin voice')).toBe(1);
    expect(f.get('c joi')).toBe(1);
    expect(f.get('cice ')).toBe(1);
    // n-grams stay inside a word: nothing spans "join voice"
    expect(f.has('cn v')).toBe(false);
  });

  it('counts repeated features', () => {
    expect(extractFeatures('role role role').get('wrole')).toBe(3);
  });

  it('gives an emoji-only message only its emoji', () => {
    expect(featureWords('🎉🎉')).toEqual(['🎉']);
  });

  it('gives empty and markup-only messages no features', () => {
    expect(extractFeatures('').size).toBe(0);
    expect(extractFeatures('<@123> <#456>').size).toBe(0);
  });

  it('makes full-width and half-width spellings identical', () => {
    expect(extractFeatures('ＲＯＬＥ')).toEqual(extractFeatures('role'));
  });
});
