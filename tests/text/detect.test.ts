import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { detectLanguage } from '../../src/text/detect.ts';
import { evaluate, readDevSet } from '../../tools/langid/eval-detect.ts';

const devSet = (name: string) => readDevSet(path.join(PROJECT_ROOT, 'tests/fixtures/langid', name));
const code = async (text: string, hint?: string) => (await detectLanguage(text, { hint }))?.code;

describe('language detection on short chat messages', () => {
  it('GIVEN the two short-chat dev sets (2-6 words, 17 languages) THEN at least 90% of each is right', async () => {
    for (const name of ['short-chat.tsv', 'short-chat-test.tsv']) {
      const result = await evaluate(devSet(name));
      expect(result.total).toBeGreaterThan(150);
      expect(result.accuracy, `${name}: ${result.misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('GIVEN French, German and Spanish chatter THEN it is not taken for English', async () => {
    expect(await code('je suis d’accord avec toi')).toBe('fr');
    expect(await code('kann mir jemand helfen')).toBe('de');
    expect(await code('nos vemos mañana')).toBe('es');
    expect(await code('see you tomorrow then')).toBe('en');
  });

  it('GIVEN kana, hangul or hanzi THEN the writing system decides, even mixed with English', async () => {
    expect(await detectLanguage('今日のmeetingは何時から？')).toEqual({ code: 'ja', confidence: 1, source: 'script' });
    expect(await code('このbotの使い方教えて')).toBe('ja');
    expect(await code('서버 다운됐어요?')).toBe('ko');
    expect(await code('谢谢大家')).toBe('zh');
  });

  it('GIVEN kanji-only text THEN the server or member language breaks the tie, never Chinese by default', async () => {
    for (const text of ['了解', '草', '大丈夫']) {
      expect(await code(text, 'ja')).toBe('ja');
      expect(await code(text)).toBeUndefined();
    }
    expect(await code('了解', 'zh')).toBe('zh');
    // Forms only one language writes decide without a hint: 駅 is Japanese, 这/们 are Chinese.
    expect(await code('東京駅')).toBe('ja');
    expect(await code('这是我们的', 'ja')).toBe('zh');
  });

  it('GIVEN mentions, links and code around the words THEN only the words are looked at', async () => {
    expect(await code('<@123456789012345678> merci beaucoup https://example.com/x `npm start`')).toBe('fr');
    expect(await code('<@123456789012345678> https://example.com')).toBeUndefined();
  });

  it('GIVEN too little to go on THEN below the confidence floor it answers undefined', async () => {
    expect(await detectLanguage('ok')).toBeUndefined();
    expect(await detectLanguage('12345 !!!')).toBeUndefined();
  });

  it('GIVEN a one-word greeting the detectors split on THEN the member language decides, and without one it abstains', async () => {
    // "hello": fastText says English, the other two Italian; /translate hello showed "Italian → Japanese".
    expect(await code('hello', 'en')).toBe('en');
    expect(await code('hello')).toBeUndefined();
    expect(await code('hello there')).toBe('en');
    expect(await code('bonjour', 'en')).toBe('fr');
  });

  it('GIVEN a restricted language list THEN only those languages are answered', async () => {
    expect((await detectLanguage('kann mir jemand helfen', { supported: ['en', 'ja'] }))?.code).not.toBe('de');
    expect(await detectLanguage('안녕하세요', { supported: ['en', 'ja'] })).toBeUndefined();
  });
});
