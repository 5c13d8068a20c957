import { describe, expect, it } from 'vitest';
import { looksLikeQuestion } from '../../src/text/question.ts';

describe('question detection for spoken follow-ups', () => {
  it.each([
    'How do I use this bot',
    'Okay. Can you help me with the server?',
    'so where are the rules',
    'Is the event tonight',
    'What time does it start',
    'Do you know when the event starts',
    'Have you seen the new channel',
  ])('GIVEN the English question %j THEN it is a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each([
    'Hello everyone, see you tomorrow.',
    'What a nice day',
    'Have a nice day',
    'Do it now',
    'I know how to do it',
    '',
    'X toy hkkky h',
  ])('GIVEN the English statement %j THEN it is not', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });

  it.each([
    'ロールはどうやってもらえますか？',
    'ロールはどうやってもらえますか',
    'このボットの使い方を教えてください？',
    '使い方はどうするんですか',
    'どこにあるの',
    '次のイベントはいつ',
    'これ何',
    '誰が管理してるの',
    'なぜ動かないんだろう',
    'どれを選べばいい',
    '参加費はいくら',
    '明日は晴れるかな',
    '会議は何時だっけ',
    'このボット無料なの',
    'もう始まった？',
    'これでいいですか',
    '何かありますか',
  ])('GIVEN the Japanese question %j THEN it is a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each([
    'こんにちは、今日はいい天気です。',
    '今日は静か',
    '何もわからない',
    'いつもありがとう',
    'どこかに行きたい',
    '誰かが来た',
    'ほんのわずか',
    'どうぞよろしく',
    'どうもありがとう',
    'いつの間にか寝ていた',
    'いくら頑張ってもだめだ',
    '何度も言ったでしょう',
    '明日は雨でしょう',
    '部屋はとても静か。',
  ])(
    'GIVEN the Japanese statement %j THEN it is not (〜か only after a verb or copula, indefinite 何か/いつも are not questions)',
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false);
    },
  );
});
