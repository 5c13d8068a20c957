/** Party size in Japanese and English: 「3人」「2名」「三人」「ふたり」, "for 3", "party of 4", "3 people". */
import { COUNT_PATTERN, countOf } from './numbers.ts';

const PATTERNS: readonly RegExp[] = [
  new RegExp(`(${COUNT_PATTERN})\\s*(?:人|名|にん|めい|people|persons?|guests?|pax|ppl|of us)`, 'iu'),
  new RegExp(`(?:party|group|table) (?:of|for) (${COUNT_PATTERN})\\b`, 'iu'),
  // "for 3", but not "for 7pm" / "for 7:30" / "for 3 o'clock" / "for 2 hours".
  new RegExp(
    `\\bfor (${COUNT_PATTERN})\\b(?!\\s*(?:am|pm|a\\.m|p\\.m|:|o'?clock|h\\b|hours?|minutes?|mins?|days?|weeks?|th|st|nd|rd))`,
    'iu',
  ),
  /^(ひとり|ふたり)|(?<=[でに、,\s])(ひとり|ふたり)/u,
];

/** The party size a text mentions, if any. Pass the text with its date and time phrases blanked out. */
export function partyOf(text: string): number | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    const word = match?.slice(1).find((group) => group !== undefined);
    const count = word === undefined ? undefined : countOf(word);
    if (count !== undefined && count > 0) return count;
  }
  return undefined;
}
