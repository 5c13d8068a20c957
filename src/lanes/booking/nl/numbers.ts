/** Small counts written as digits, kanji or English words ("3", "三", "three") — party sizes never need more. */

const KANJI_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  ひとり: 1,
  ふたり: 2,
};

/** Kanji numerals up to 99 (三, 十二, 二十). */
function kanjiNumber(text: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/u.test(text)) return undefined;
  const [tensPart, onesPart] = text.includes('十') ? text.split('十') : ['', text];
  const tens = text.includes('十') ? (tensPart ? KANJI_DIGITS[tensPart] : 1) : 0;
  const ones = onesPart ? KANJI_DIGITS[onesPart] : 0;
  if (tens === undefined || ones === undefined) return undefined;
  return tens * 10 + ones;
}

/** The count a word or numeral stands for, or undefined. Input is NFKC-normalised (full-width digits are ASCII). */
export function countOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (/^\d{1,4}$/u.test(lower)) return Number(lower);
  return WORDS[lower] ?? kanjiNumber(lower);
}

/** A regex alternative that matches any form {@link countOf} understands. */
export const COUNT_PATTERN = `\\d{1,4}|[一二三四五六七八九十]{1,3}|${Object.keys(WORDS).join('|')}`;
