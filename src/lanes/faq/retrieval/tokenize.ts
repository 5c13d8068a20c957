/**
 * Text normalization and feature extraction for lexical FAQ matching.
 *
 * No dictionary and no model: `Intl.Segmenter` (ICU) segments Japanese, Chinese and Thai into words, and character
 * n-grams make matching robust to inflection, typos and segmentation differences between a question and a query.
 */

/** Which features to extract; the defaults are the ones that scored best on CLINC150 `val`. */
export interface FeatureOptions {
  /** Smallest and largest character n-gram length (inclusive). `0` for `charNgramMax` disables character n-grams. */
  readonly charNgramMin: number;
  readonly charNgramMax: number;
  /**
   * `word`: n-grams inside each word padded with spaces (like scikit-learn's `char_wb`);
   * `string`: n-grams over the whole normalized text (words joined by one space), so they also span word boundaries.
   */
  readonly charNgramMode: 'word' | 'string';
  readonly wordBigrams: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charNgramMin: 3,
  charNgramMax: 5,
  charNgramMode: 'word',
  wordBigrams: true,
};

/** Feature kinds; each kind gets its own TF-IDF block so that the many n-grams do not drown the few words. */
export type FeatureKind = 'w' | 'b' | 'c';

// Discord markup. Mentions and timestamps carry no meaning for matching a question; a custom emoji keeps its name
// (people write `:nitro:` meaning Nitro); a URL keeps its host (questions are about sites, not about long paths).
const MENTION = /<(?:@[!&]?|#)\d+>/gu;
const TIMESTAMP = /<t:-?\d+(?::[a-zA-Z])?>/gu;
const SLASH_COMMAND = /<\/([\w -]+):\d+>/gu;
const CUSTOM_EMOJI = /<a?:(\w+):\d+>/gu;
const URL = /\bhttps?:\/\/(?:www\.)?([^\s/?#<>]+)[^\s<>]*/giu;
// Markdown emphasis, spoilers, code fences and quotes: pure formatting.
const MARKDOWN = /[*_~|`>]+/gu;
// Accents on Latin letters are often omitted when typing ("cafe"); strip them, but only after a Latin letter so that
// Japanese voiced marks (が = か + ゛ in NFD) are untouched.
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
// Skin tones and variation selectors: 👍🏽 and 👍 should be the same token.
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F/gu;
const EMOJI = /\p{Extended_Pictographic}/u;

/** NFKC (folds full-width ASCII and half-width katakana), lowercase, Discord markup removed, whitespace collapsed. */
export function normalize(text: string): string {
  const plain = text
    .replace(MENTION, ' ')
    .replace(TIMESTAMP, ' ')
    .replace(SLASH_COMMAND, ' $1 ')
    .replace(CUSTOM_EMOJI, ' $1 ')
    .replace(URL, ' $1 ')
    .replace(MARKDOWN, ' ');
  return plain
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(EMOJI_MODIFIERS, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

// One segmenter for all calls: construction costs far more than segmenting a short question. The root locale is
// fine: ICU picks the dictionary by script, not by locale.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Words of the normalized text: ICU word segments, plus emoji as one-symbol words (they carry meaning on Discord). */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normalized)) {
    if (isWordLike) out.push(segment);
    else if (EMOJI.test(segment)) out.push(segment);
  }
  return out;
}

/** Adds the character n-grams of `text` (code points, not UTF-16 units) to `into`. */
function addCharNgrams(text: string, min: number, max: number, into: Map<string, number>): void {
  // Fast path: without astral characters (emoji, rare kanji) code units are code points and substring is enough.
  const chars: string | string[] = /[\uD800-\uDFFF]/u.test(text) ? Array.from(text) : text;
  const gram =
    typeof chars === 'string' ? (i: number, n: number) => chars.slice(i, i + n) : (i: number, n: number) => chars.slice(i, i + n).join('');
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const key = 'c' + gram(i, n);
      into.set(key, (into.get(key) ?? 0) + 1);
    }
  }
}

/**
 * Features of a text with their counts. Keys are prefixed with their kind (`w` word, `b` word bigram,
 * `c` character n-gram) so that e.g. the word "the" and the 3-gram "the" stay distinct.
 */
export function extractFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Map<string, number> {
  const features = new Map<string, number>();
  const tokens = words(normalize(text));
  for (const w of tokens) features.set('w' + w, (features.get('w' + w) ?? 0) + 1);
  if (options.wordBigrams) {
    for (let i = 1; i < tokens.length; i++) {
      const key = `b${tokens[i - 1]} ${tokens[i]}`;
      features.set(key, (features.get(key) ?? 0) + 1);
    }
  }
  const { charNgramMin: min, charNgramMax: max } = options;
  if (max > 0 && tokens.length > 0) {
    if (options.charNgramMode === 'string') addCharNgrams(` ${tokens.join(' ')} `, min, max, features);
    else for (const w of tokens) addCharNgrams(` ${w} `, min, max, features);
  }
  return features;
}

/** The kind of a feature key produced by `extractFeatures`. */
export function featureKind(key: string): FeatureKind {
  return key[0] as FeatureKind;
}
