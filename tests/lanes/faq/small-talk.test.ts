import { describe, expect, it } from 'vitest';
import { faqMessages } from '../../../src/lanes/faq/messages.ts';
import { detectSmallTalk, type SmallTalk } from '../../../src/lanes/faq/small-talk.ts';

const smallTalkReply = (talk: SmallTalk) => faqMessages.smallTalk[talk.kind][talk.language];

describe('small talk is not a FAQ miss', () => {
  it.each([
    ['hi', 'greeting', 'en'],
    ['hello', 'greeting', 'en'],
    ['Hello everyone!', 'greeting', 'en'],
    ['<@123456789012345678> hi there', 'greeting', 'en'],
    ['thanks', 'thanks', 'en'],
    ['thank you', 'thanks', 'en'],
    ['Thank you so much!! 🙏', 'thanks', 'en'],
    ['ok thanks', 'thanks', 'en'],
    ['ok', 'ack', 'en'],
    ['Got it 👍', 'ack', 'en'],
    ['👍', 'ack', 'en'],
    ['👍🏽', 'ack', 'en'],
    ['bye!', 'goodbye', 'en'],
    ['ありがとう', 'thanks', 'ja'],
    ['ありがとうございます！', 'thanks', 'ja'],
    ['ありがとう、助かりました', 'thanks', 'ja'],
    ['こんにちは', 'greeting', 'ja'],
    ['おはよう', 'greeting', 'ja'],
    ['おはようございます', 'greeting', 'ja'],
    ['よろしく', 'greeting', 'ja'],
    ['よろしくお願いします！', 'greeting', 'ja'],
    ['了解です', 'ack', 'ja'],
    ['ＯＫ！', 'ack', 'en'],
    ['おやすみなさい', 'goodbye', 'ja'],
  ])('GIVEN %j THEN it is small talk (%s, answered in %s)', (text, kind, language) => {
    expect(detectSmallTalk(text)).toEqual({ kind, language });
  });

  it.each([
    'hi, how do I get the member role?',
    'hi how do I get the member role',
    'thanks but it still does not work',
    'ok so where are the rules',
    'ロールはどうやってもらえますか',
    'ありがとうの英語は？',
    'history of the server',
    'okinawa meetup',
    'はいしゃ',
    '👍 the bot is broken',
    'ok?',
    '',
    '<@123456789012345678>',
  ])('GIVEN %j THEN it is not small talk', (text) => {
    expect(detectSmallTalk(text)).toBeNull();
  });

  it('GIVEN emoji only THEN the fallback language (the member locale) is used', () => {
    expect(detectSmallTalk('🙏', 'ja')).toEqual({ kind: 'thanks', language: 'ja' });
  });

  it('GIVEN small talk THEN the acknowledgement is short, friendly and in its language', () => {
    expect(smallTalkReply({ kind: 'thanks', language: 'en' })).toBe("You're welcome! 😊");
    expect(smallTalkReply({ kind: 'thanks', language: 'ja' })).toBe('どういたしまして！😊');
    expect(smallTalkReply({ kind: 'greeting', language: 'ja' })).toMatch(/^こんにちは！/u);
    for (const kind of ['thanks', 'greeting', 'goodbye', 'ack'] as const)
      for (const language of ['en', 'ja'] as const) expect(smallTalkReply({ kind, language }).length).toBeLessThanOrEqual(60);
  });
});
