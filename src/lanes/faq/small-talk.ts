/**
 * Small talk: "hi", "thanks", 「ありがとう」, "ok", 👍 said to the bot. It is not a question the FAQ missed, so it must
 * never get "I don't know" nor land in `/faq misses` (it would bury the real misses); where chat is off, a short
 * friendly acknowledgement answers it instead.
 *
 * A message is small talk only when it is made of nothing else: "hi, how do I get the member role?" is a question.
 */
import { normalize } from './retrieval/tokenize.ts';

export type SmallTalkKind = 'thanks' | 'greeting' | 'goodbye' | 'ack';
export type SmallTalkLanguage = 'en' | 'ja';

export interface SmallTalk {
  readonly kind: SmallTalkKind;
  /** The language to answer in: Japanese when the message has Japanese script, else `fallback` for emoji only. */
  readonly language: SmallTalkLanguage;
}

/** Phrases by kind, matched whole after normalisation (lowercase, NFKC); longer ones are tried first. */
const PHRASES: Readonly<Record<SmallTalkKind, readonly string[]>> = {
  thanks: [
    'thank you very much',
    'thank you so much',
    'thanks a lot',
    'thanks so much',
    'many thanks',
    'much appreciated',
    'thank you',
    'thanks',
    'thank u',
    'thx',
    'tysm',
    'ty',
    'cheers',
    'appreciate it',
    'ありがとうございました',
    'ありがとうございます',
    'ありがとう',
    'あざす',
    'あざっす',
    'サンキュー',
    'さんきゅー',
    '感謝します',
    '感謝',
    'どうもありがとう',
    'どうも',
    '助かりました',
    '助かります',
    '助かる',
  ],
  greeting: [
    'good morning',
    'good afternoon',
    'good evening',
    'hello there',
    'hi there',
    'hey there',
    'hello',
    'hiya',
    'hi',
    'hey',
    'yo',
    'gm',
    'howdy',
    'nice to meet you',
    'おはようございます',
    'おはよう',
    'こんにちは',
    'こんばんは',
    'はじめまして',
    'やあ',
    'どうもです',
    'よろしくお願いします',
    'よろしくお願いいたします',
    'よろしくです',
    'よろしく',
  ],
  goodbye: [
    'good night',
    'goodbye',
    'bye bye',
    'bye',
    'see you later',
    'see you',
    'see ya',
    'cya',
    'gn',
    'おやすみなさい',
    'おやすみ',
    'またね',
    'さようなら',
    'じゃあね',
    'ではまた',
  ],
  ack: [
    'got it',
    'sounds good',
    'all right',
    'alright',
    'okay',
    'ok',
    'k',
    'kk',
    'cool',
    'nice',
    'great',
    'awesome',
    'perfect',
    'sure',
    'i see',
    'lol',
    '了解です',
    '了解しました',
    '了解',
    'りょうかい',
    'りょ',
    'わかりました',
    '分かりました',
    'わかった',
    '分かった',
    'なるほど',
    'はい',
    'うん',
    'おけ',
    'おっけー',
    'オッケー',
    '草',
  ],
};
const ORDER: readonly SmallTalkKind[] = ['thanks', 'goodbye', 'greeting', 'ack'];
const BY_LENGTH = ORDER.flatMap((kind) => PHRASES[kind].map((phrase) => ({ kind, phrase }))).sort(
  (a, b) => b.phrase.length - a.phrase.length,
);

/** Friendly emoji that can make up a whole message (👍, 🙏, 👋 …), with what each one means. */
const EMOJI: ReadonlyMap<string, SmallTalkKind> = new Map([
  ...['👍', '👌', '🆗', '✅', '💯', '😊', '🙂', '😄', '😀', '😁', '❤', '♥', '🥰', '😆', '🤣', '😂', '✨', '🎉'].map(
    (e) => [e, 'ack'] as const,
  ),
  ...['🙏', '🙇'].map((e) => [e, 'thanks'] as const),
  ['👋', 'greeting'],
]);
/** Filler between phrases: punctuation, spaces, "everyone"/"bot", Japanese sentence-final softeners. */
const FILLER = /^(?:[\s!.。,、~〜ー…:;)(]|(?:everyone|all|guys|bot|kotodama|man|again)\b|(?:ね|よ|です|ですね)(?=$|[\s!.。,、~〜]))+/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Small talk in `text`, or null when it says (or asks) anything more. */
export function detectSmallTalk(text: string, fallback: SmallTalkLanguage = 'en'): SmallTalk | null {
  if (/[?？]/u.test(text)) return null;
  let rest = normalize(text);
  const kinds: SmallTalkKind[] = [];
  while (rest.length > 0) {
    const filler = FILLER.exec(rest);
    if (filler) {
      rest = rest.slice(filler[0].length);
      continue;
    }
    const emoji = [...EMOJI.keys()].find((e) => rest.startsWith(e));
    if (emoji) {
      kinds.push(EMOJI.get(emoji)!);
      rest = rest.slice(emoji.length);
      continue;
    }
    const found = BY_LENGTH.find(
      ({ phrase }) => rest.startsWith(phrase) && !/^[\p{L}\p{N}]/u.test(rest.slice(phrase.length).replace(JAPANESE, ' ')),
    );
    if (!found) return null;
    kinds.push(found.kind);
    rest = rest.slice(found.phrase.length);
  }
  const kind = ORDER.find((k) => kinds.includes(k));
  if (!kind) return null;
  return { kind, language: JAPANESE.test(text) ? 'ja' : fallback };
}
