/**
 * Deterministic translators for the engine's tests: pure functions of their input, so every property can be
 * checked exactly. Real models are tested on the fixture models elsewhere.
 */
import { findLanguage, type Language } from '../../../src/text/languages.ts';
import type { LanguagePair, TranslatedText, TranslationProvider } from '../../../src/lanes/translate/provider.ts';

/** A language from the lane's table (tests name only real codes). */
export function language(code: string): Language {
  const found = findLanguage(code);
  if (!found) throw new Error(`no language ${code}`);
  return found;
}

export interface RecordingProvider extends TranslationProvider {
  /** Every batch the engine sent, in order. */
  readonly batches: string[][];
}

/** A provider from a per-text function; `truncateOver` marks outputs of longer inputs as cut off. */
export function fakeProvider(
  translate: (text: string, pair: LanguagePair) => string,
  options: { truncateOver?: number } = {},
): RecordingProvider {
  const batches: string[][] = [];
  const countTokens = (text: string) =>
    text.split(/\s+/u).filter(Boolean).length + [...text.matchAll(/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/gu)].length;
  return {
    kind: 'seq2seq',
    model: 'fake',
    maxInputTokens: 512,
    batches,
    countTokens,
    translateBatch(texts, pair): Promise<TranslatedText[]> {
      batches.push([...texts]);
      return Promise.resolve(
        texts.map((text) => ({
          text: translate(text, pair),
          truncated: options.truncateOver !== undefined && countTokens(text) > options.truncateOver,
        })),
      );
    },
  };
}

const PLACEHOLDER = /([{｛]\s*\d+\s*[}｝])/u;

/** Upper-cases the prose and keeps placeholders: the ideal model. */
export const upper = (text: string) =>
  text
    .split(PLACEHOLDER)
    .map((piece, i) => (i % 2 ? piece : piece.toUpperCase()))
    .join('');

/** Reverses the word order (placeholders move, as in a verb-final language) and upper-cases words. */
export const reorder = (text: string) => text.trim().split(/\s+/u).reverse().map(upper).join(' ');

/** Loses every placeholder: the worst model. */
export const loseAll = (text: string) => upper(text.replace(/[{｛]\s*\d+\s*[}｝]/gu, ''));

/** Doubles the first placeholder. */
export const doubleFirst = (text: string) => {
  const match = PLACEHOLDER.exec(text);
  return match ? upper(text) + ' ' + match[0] : upper(text);
};
