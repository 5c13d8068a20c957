/**
 * Answer or say "I don't know": the FAQ lane must never bluff, so a weak or ambiguous best match is a refusal that
 * still offers the closest entries as suggestions.
 */
import type { RankedEntry } from './lexical.ts';

/**
 * Confidence below which the lexical lane refuses. Calibrated with `src/lanes/faq/cli/eval.ts --calibrate` on CLINC150
 * `val` + `oos_val` (150 entries of 10 paraphrases; accuracy with "don't know" as a class, in-scope and out-of-scope
 * weighted equally, refusing at most 8% of in-scope questions). On CLINC150 `test` it gives 0.786 accuracy, 6.6%
 * in-scope refusals and 62% out-of-scope recall. Scores shift with the size and wording of a FAQ, so this is only the
 * starting point: it is meant to become a per-guild setting, re-calibrated on that guild's own questions.
 */
export const DEFAULT_THRESHOLD = 0.121;

/** Two entries this close are a coin toss: ask rather than pick one. Small, so that it only catches near-ties. */
export const DEFAULT_MARGIN = 0.01;

export interface DecideOptions {
  readonly threshold?: number;
  readonly margin?: number;
}

export type Decision =
  | { readonly kind: 'answer'; readonly entryId: string; readonly score: number }
  | { readonly kind: 'unknown'; readonly suggestions: readonly RankedEntry[] };

/** `ranked` must be sorted best first, as `LexicalIndex.rank` returns it. */
export function decide(ranked: readonly RankedEntry[], options: DecideOptions = {}): Decision {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const margin = options.margin ?? DEFAULT_MARGIN;
  const [top, second] = ranked;
  if (top && top.score >= threshold && top.score - (second?.score ?? 0) >= margin) {
    return { kind: 'answer', entryId: top.id, score: top.score };
  }
  return { kind: 'unknown', suggestions: ranked.slice(0, 3) };
}
