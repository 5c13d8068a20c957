/**
 * Small talk ("hi", "thanks", 「ありがとう」) is not a question: it is never recorded as a miss and never gets
 * "I don't know". Short messages made only of greeting or thanks words (and emoji/punctuation) count.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'other';

const GREETING =
  /^(hi|hello|hey|yo|hiya|good (morning|afternoon|evening)|morning|こんにちは|こんばんは|おはよう(ございます)?|やあ|はじめまして|よろしく(お願いします|おねがいします)?)$/iu;
const THANKS =
  /^(thanks?( a lot| so much)?|thank you( so much| very much)?|thx|ty|cheers|ありがとう(ございます|ございました)?|どうも|サンキュー|助かりました|感謝)$/iu;
const OTHER = /^(ok|okay|k|cool|nice|great|lol|bye|see you|了解|りょうかい|おけ|OK|👍|🙏|👋|😊|🙂|草|ｗ+|w+)$/iu;

export function smallTalk(text: string): SmallTalk | undefined {
  const plain = text
    .normalize('NFKC')
    .replace(/<@!?\d+>/gu, '')
    .replace(/[\s!?.,。、！？～~…♪]+/gu, ' ')
    .trim()
    .toLowerCase();
  if (!plain || plain.length > 40) return undefined;
  if (GREETING.test(plain)) return 'greeting';
  if (THANKS.test(plain)) return 'thanks';
  if (OTHER.test(plain)) return 'other';
  return undefined;
}
