/**
 * @deprecated Use `detectLanguage` from `src/text/detect.ts` (async; script rules, then a vote of three
 * detectors, a confidence floor and the member's language for kanji-only text). Kept until the bot's
 * auto-translate check is re-pointed (see NOTES-translate.md).
 *
 * A dependency-free guess of a text's language, good enough to pick the source language for the
 * translation model: the writing system decides most cases (kana → ja, hangul → ko, ...); Latin-script
 * text is told apart by frequent function words, defaulting to English.
 */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Greek}/gu, 'el'],
];

const LATIN_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'is', 'are', 'you', 'to', 'of', 'it', 'what', 'how', 'this', 'i', 'in', 'for'],
  fr: ['le', 'la', 'les', 'et', 'est', 'vous', 'je', 'un', 'une', 'des', 'pas', 'que', 'bonjour', 'merci'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'sie', 'ein', 'eine', 'wie', 'danke', 'guten'],
  es: ['el', 'la', 'los', 'las', 'y', 'es', 'que', 'de', 'por', 'una', 'hola', 'gracias', 'como'],
  it: ['il', 'lo', 'gli', 'e', 'che', 'di', 'non', 'sono', 'una', 'ciao', 'grazie', 'come'],
  pt: ['o', 'os', 'e', 'que', 'não', 'um', 'uma', 'obrigado', 'olá', 'como', 'você'],
};

export function detectLanguage(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'en';
  // Kana decides Japanese even when kanji dominate; otherwise the most frequent script wins.
  const counts = SCRIPTS.map(([pattern, code]) => [code, text.match(pattern)?.length ?? 0] as const);
  const kana = counts[0]?.[1] ?? 0;
  if (kana > 0) return 'ja';
  const [best, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (count > letters.length * 0.3) return best;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let winner = 'en';
  let winnerHits = 0;
  for (const [code, list] of Object.entries(LATIN_WORDS)) {
    const hits = words.filter((word) => list.includes(word)).length;
    if (hits > winnerHits) [winner, winnerHits] = [code, hits];
  }
  return winner;
}
