/**
 * Supertonic's text front end, as its reference implementation does it (supertone-inc/supertonic
 * `py/helper.py`, `UnicodeProcessor`): NFKD, emoji and a few symbols dropped or replaced, spacing fixed,
 * a final period added when the text has no closing punctuation, then `<lang>…</lang>` around it. The
 * model reads the result character by character through `unicode_indexer.json` (no phonemizer).
 */

/** The 31 languages Supertonic 3 was trained on (its `na` tag means "unknown language"). */
export const SUPERTONIC_LANGUAGES: readonly string[] = [
  'en', 'ko', 'ja', 'ar', 'bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'hi', 'hr', 'hu',
  'id', 'it', 'lt', 'lv', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sv', 'tr', 'uk', 'vi',
]; // prettier-ignore

const EMOJI =
  /[\u{1F600}-\u{1F64F}\u{1F300}-\u{1F5FF}\u{1F680}-\u{1F6FF}\u{1F700}-\u{1F77F}\u{1F780}-\u{1F7FF}\u{1F800}-\u{1F8FF}\u{1F900}-\u{1F9FF}\u{1FA00}-\u{1FA6F}\u{1FA70}-\u{1FAFF}\u{2600}-\u{26FF}\u{2700}-\u{27BF}\u{1F1E6}-\u{1F1FF}]+/gu;

const REPLACEMENTS: readonly (readonly [string, string])[] = [
  ['–', '-'], ['‑', '-'], ['—', '-'], ['_', ' '], ['\u201c', '"'], ['\u201d', '"'], ['\u2018', "'"], ['\u2019', "'"],
  ['´', "'"], ['`', "'"], ['[', ' '], [']', ' '], ['|', ' '], ['/', ' '], ['#', ' '], ['→', ' '], ['←', ' '],
]; // prettier-ignore

const EXPRESSIONS: readonly (readonly [string, string])[] = [
  ['@', ' at '],
  ['e.g.,', 'for example, '],
  ['i.e.,', 'that is, '],
];

const CLOSING = /[.!?！？，;:,'")\]}…。」』】〉》›»]$/u;

/** The string the model reads for `text` in `language` (tags included). */
export function preprocessText(text: string, language: string): string {
  // Beyond the reference: variation selectors and zero-width joiners left behind by emoji go too.
  let out = text
    .normalize('NFKD')
    .replace(EMOJI, '')
    .replace(/\u200d|\ufe0e|\ufe0f/gu, '');
  for (const [from, to] of REPLACEMENTS) out = out.replaceAll(from, to);
  out = out.replace(/[♥☆♡©\\]/gu, '');
  for (const [from, to] of EXPRESSIONS) out = out.replaceAll(from, to);
  out = out.replace(/ ([,.!?;:'])/gu, '$1');
  out = out.replace(/"{2,}/gu, '"').replace(/'{2,}/gu, "'");
  out = out.replace(/\s+/gu, ' ').trim();
  if (!CLOSING.test(out)) out += '.';
  return `<${language}>${out}</${language}>`;
}

/** Token ids, and the characters the model does not know (dropped rather than failing the sentence). */
export interface EncodedText {
  readonly ids: BigInt64Array;
  readonly unknown: readonly string[];
}

export function encodeText(processed: string, indexer: Int32Array): EncodedText {
  const ids: bigint[] = [];
  const unknown: string[] = [];
  for (const char of processed) {
    const id = indexer[char.codePointAt(0) ?? 0] ?? -1;
    if (id < 0) unknown.push(char);
    else ids.push(BigInt(id));
  }
  return { ids: BigInt64Array.from(ids), unknown };
}
