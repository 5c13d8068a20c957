/**
 * Messages with nothing a translation would add: automatic translation stays silent on them, and the translation
 * lane answers them without running a model.
 */
import { proseOf } from './scripts.ts';

/** Why a text needs no translation. `too-short` and `laughter` only count for automatic translation. */
export type NothingReason = 'empty' | 'emoji' | 'url' | 'code' | 'mentions' | 'symbols' | 'laughter' | 'too-short';

export interface NothingOptions {
  /**
   * Fewer letters than this is too short to be worth an automatic translation (a kana, kanji or hangul counts as
   * two: 「ありがとう」 passes, 「了解」 does not). 0 turns the rule off, as for an explicit `/translate`.
   * @defaultValue 8
   */
  readonly minLetters?: number;
}

const LAUGHTER = /^(?:[wｗW]+|草+|笑+|lo+l|lmf?a+o+|(?:ha)+h?|(?:ja)+j?|(?:ke)+k?|k{3,}|[ㅋㅎ]+|x+d+|rofl|www+)$/iu;
const EMOJI_ONLY =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]|\u20e3|\u200d|\ufe0f|\s|<a?:\w+:\d+>)+$/u;
const URL_ONLY = /^(?:\s*<?https?:\/\/\S+>?\s*)+$/u;
const CODE_ONLY = /^(?:\s*(?:```[\s\S]*?```|`[^`\n]+`)\s*)+$/u;
const MENTIONS_ONLY = /^(?:\s*(?:<(?:@[!&]?|#)\d+>|@(?:everyone|here)|<\/[\w -]+:\d+>|<t:-?\d+(?::\w)?>)\s*)+$/u;

/** The reason `text` needs no translation, or `undefined` when it has something to translate. */
export function nothingToTranslate(text: string, options: NothingOptions = {}): NothingReason | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'empty';
  if (EMOJI_ONLY.test(trimmed)) return 'emoji';
  if (URL_ONLY.test(trimmed)) return 'url';
  if (CODE_ONLY.test(trimmed)) return 'code';
  if (MENTIONS_ONLY.test(trimmed)) return 'mentions';
  const prose = proseOf(trimmed);
  const letters = prose.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'symbols';
  if (
    prose
      .trim()
      .split(/\s+/u)
      .every((word) => LAUGHTER.test(word.replace(/[!！?？.。~〜]+$/u, '')))
  )
    return 'laughter';
  const minLetters = options.minLetters ?? 8;
  if (minLetters > 0 && weightedLength(letters) < minLetters) return 'too-short';
  return undefined;
}

/** Letters with a kana, kanji or hangul counted twice: one of them carries about a short word's worth. */
function weightedLength(letters: string): number {
  let length = 0;
  for (const char of letters) length += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char) ? 2 : 1;
  return length;
}
