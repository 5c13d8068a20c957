import { describe, expect, it } from 'vitest';
import { looksLikeQuestion } from '../../src/text/question.ts';

describe('question detection for spoken follow-ups', () => {
  it('GIVEN questions in English and Japanese THEN they are questions', () => {
    for (const text of [
      'How do I use this bot',
      'Okay. Can you help me with the server?',
      'このボットの使い方を教えてください？',
      '使い方はどうするんですか',
      'どこにあるの',
    ]) {
      expect(looksLikeQuestion(text), text).toBe(true);
    }
  });

  it('GIVEN statements THEN they are not', () => {
    for (const text of ['Hello everyone, see you tomorrow.', 'こんにちは、今日はいい天気です。', '', 'X toy hkkky h']) {
      expect(looksLikeQuestion(text), text).toBe(false);
    }
  });
});
