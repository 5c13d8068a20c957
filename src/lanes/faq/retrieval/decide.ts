/**
 * Answer or say "I don't know": the FAQ lane must never bluff, so a weak or ambiguous best match is a refusal that
 * still offers the closest entries as suggestions.
 */
import type { RankedEntry } from './lexical.ts';

/**
 * Confidence below which the lexical lane refuses. Calibrated with `src/lanes/faq/cli/eval.ts --calibrate` on CLINC150
 * `val` + `oos_val` (150 entries of 10 paraphrases; accuracy with "don't know" as a class, in-scope and out-of-scope
 * weighted equally, refusing at most 8% of in-scope questions): the calibration lands on 0.121 again after the
 * answer field, the score scale and the relative margin. On CLINC150 `test` it gives 0.792 accuracy, 6.5% in-scope
 * refusals and 64% out-of-scope recall; on the one-question-per-entry dev set (`tools/faq-single`, test split) 0.527,
 * 5.6% and 21%. Scores are put on one scale for every FAQ shape (`scale.ts`), so this one value serves both.
 */
export const DEFAULT_THRESHOLD = 0.121;

/**
 * Share of the score spread by which the best entry must beat the second, or the question is a coin toss between
 * them. Relative, not absolute: a one-question-per-entry FAQ gives small scores that all sit close together, and an
 * absolute gap would refuse most questions there while hardly ever firing on a FAQ with many paraphrases. At 0.02 it
 * catches the real near-ties: about 2% of the answerable questions of the single-question dev set and 0.5% of
 * CLINC150's, whose best entry was right only about 30% of the time (against 55% and 80% overall).
 */
export const DEFAULT_MARGIN = 0.02;

/**
 * Coverage (the entry's similarity to the question) below which even a confident score is refused. A small FAQ
 * spreads the classifier's probability over few entries, so nonsense ("zebra quantum lasagna", similarity 0.03)
 * can score over the threshold; requiring 0.1 of coverage refuses it at no cost on CLINC150 (0.792 accuracy, 6.5%
 * refusals, OOS recall 0.644) and little on the one-question dev set (0.524, 6.2%, 0.223).
 */
export const DEFAULT_MIN_SIMILARITY = 0.1;

/** The spread is measured from the best score down to this rank's (or 0 when fewer entries matched). */
export const SPREAD_RANK = 5;

export interface DecideOptions {
  readonly threshold?: number;
  readonly margin?: number;
  /** Least coverage of the question by the best entry (`RankedEntry.similarity`). */
  readonly minSimilarity?: number;
}

export type Decision =
  | { readonly kind: 'answer'; readonly entryId: string; readonly score: number }
  | { readonly kind: 'unknown'; readonly suggestions: readonly RankedEntry[] };

/**
 * `(top − second) / (top − score at rank SPREAD_RANK)`: 1 when the best entry stands alone, near 0 for a tie. Scale
 * free, so the same margin means the same thing for the lexical, the dense and the fused scores.
 */
export function relativeGap(ranked: readonly RankedEntry[]): number {
  const top = ranked[0]?.score ?? 0;
  const second = ranked[1]?.score ?? 0;
  const floor = ranked[SPREAD_RANK - 1]?.score ?? 0;
  const spread = top - floor;
  return spread > 0 ? (top - second) / spread : 0;
}

/** `ranked` must be sorted best first, as `LexicalIndex.rank` returns it (pass its top `SPREAD_RANK` at least). */
export function decide(ranked: readonly RankedEntry[], options: DecideOptions = {}): Decision {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const margin = options.margin ?? DEFAULT_MARGIN;
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const [top] = ranked;
  if (top && top.score >= threshold && top.similarity >= minSimilarity && (margin === 0 || relativeGap(ranked) >= margin)) {
    return { kind: 'answer', entryId: top.id, score: top.score };
  }
  return { kind: 'unknown', suggestions: ranked.slice(0, 3) };
}
