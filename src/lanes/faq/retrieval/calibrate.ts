/**
 * Choosing the refusal threshold from labelled questions (`npm run eval:faq -- --calibrate`, and any future per-guild
 * calibration). It never degenerates into "refuse everything": when no threshold keeps in-scope refusals within the
 * budget it says so and takes the least-refusing one, and without out-of-scope examples (nothing to refuse) it simply
 * maximises accuracy. The result names the rule that chose the threshold.
 */
import { decide, DEFAULT_MARGIN } from './decide.ts';
import type { LexicalIndex } from './lexical.ts';

/**
 * `accuracy`: plain accuracy with "don't know" as one more class. `balanced`: the same, but in-scope and out-of-scope
 * queries weigh half each. CLINC150's `val` is 97% in scope, so plain accuracy makes refusing almost worthless and
 * lands on a threshold that lets most unanswerable questions through; a Discord FAQ is asked off-topic questions far
 * more often than that.
 */
export type Objective = 'balanced' | 'accuracy';

/**
 * Which rule chose the threshold:
 * - `balanced` / `accuracy`: the objective, within the refusal budget;
 * - `accuracy-no-oos`: there were no out-of-scope examples, so plain accuracy (refusing only wrong answers helps);
 * - `least-refusing`: no threshold kept refusals within the budget (the margin rule alone refuses more), so the one
 *   refusing fewest in-scope questions.
 */
export type CalibrationRule = Objective | 'accuracy-no-oos' | 'least-refusing';

/** Refusal budget: the lane's target is at most 10% of answerable questions refused on new data, and a threshold
 * fitted to exactly 10% on the calibration set would overshoot on new data about half of the time. */
export const DEFAULT_MAX_REFUSAL = 0.08;

export interface CalibrationOptions {
  readonly objective?: Objective;
  /** Never choose a threshold that refuses more than this share of the in-scope calibration queries. */
  readonly maxRefusal?: number;
  readonly margin?: number;
}

export interface LabelledQuery {
  readonly text: string;
  /** The entry that answers it, or null when the FAQ should say it does not know. */
  readonly expected: string | null;
}

export interface Calibration {
  readonly threshold: number;
  readonly rule: CalibrationRule;
  /** Share of the in-scope calibration queries refused at this threshold. */
  readonly inScopeRefusal: number;
}

interface Row {
  readonly score: number;
  readonly inScope: boolean;
  readonly right: boolean;
}

/**
 * The refusal threshold that maximizes `objective` on `queries` within the refusal budget. Each query is ranked once;
 * then every cut between consecutive top scores is tried (the threshold is the midpoint of the cut).
 */
export function calibrateThreshold(index: LexicalIndex, queries: readonly LabelledQuery[], options: CalibrationOptions = {}): Calibration {
  const { maxRefusal = DEFAULT_MAX_REFUSAL, margin = DEFAULT_MARGIN } = options;
  const rows: Row[] = queries.map((q) => {
    const ranked = index.rank(q.text, 20);
    const decision = decide(ranked, { threshold: 0, margin });
    // A query the margin rule refuses anyway is refused at any threshold: give it score 0.
    return { score: decision.kind === 'answer' ? decision.score : 0, inScope: q.expected !== null, right: ranked[0]?.id === q.expected };
  });
  const inScope = rows.filter((r) => r.inScope).length;
  const outOfScope = rows.length - inScope;
  const objective: CalibrationRule = outOfScope === 0 ? 'accuracy-no-oos' : (options.objective ?? 'balanced');
  const value = (inRight: number, oosRefused: number): number =>
    objective === 'balanced' && inScope > 0
      ? (inRight / inScope + oosRefused / outOfScope) / 2
      : (inRight + oosRefused) / Math.max(1, rows.length);

  const admissible: { value: number; cut: Cut }[] = [];
  let leastRefusing: Cut | undefined;
  for (const cut of cuts(rows)) {
    const refusal = inScope > 0 ? (inScope - cut.inAnswered) / inScope : 0;
    if (!leastRefusing || refusal < leastRefusing.refusal) leastRefusing = { ...cut, refusal };
    if (refusal <= maxRefusal) admissible.push({ value: value(cut.inRight, outOfScope - cut.oosAnswered), cut: { ...cut, refusal } });
  }
  if (admissible.length) {
    // The objective is a step function (one out-of-scope query of CLINC150's 100 moves it by 0.005) and often
    // flat near its top: the argmax lands anywhere on that plateau. The middle of the cuts within one query's
    // worth of the best is the choice that moves least with the sample.
    const best = Math.max(...admissible.map((a) => a.value));
    const oneQuery = objective === 'balanced' ? 1 / (2 * Math.min(inScope, outOfScope)) : 1 / rows.length;
    const near = admissible.filter((a) => a.value >= best - oneQuery - 1e-12);
    const chosen = near[Math.floor((near.length - 1) / 2)]!.cut;
    return { threshold: chosen.threshold, rule: objective, inScopeRefusal: round(chosen.refusal) };
  }
  // There is always at least the "refuse everything" cut, so leastRefusing exists.
  const fallback = leastRefusing ?? { threshold: 1, refusal: 1 };
  return { threshold: fallback.threshold, rule: 'least-refusing', inScopeRefusal: round(fallback.refusal) };
}

interface Cut {
  readonly threshold: number;
  readonly inAnswered: number;
  readonly inRight: number;
  readonly oosAnswered: number;
  readonly refusal: number;
}

/** Every distinct cut, from "refuse everything" down to "answer everything that has a score". */
function* cuts(unsorted: readonly Row[]): Generator<Cut> {
  const rows = [...unsorted].sort((a, b) => b.score - a.score);
  let inRight = 0;
  let inAnswered = 0;
  let oosAnswered = 0;
  const top = rows[0]?.score ?? 0;
  yield { threshold: Math.min(1, top + 1e-6), inAnswered, inRight, oosAnswered, refusal: 1 };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.score <= 0) return;
    if (row.inScope) {
      inAnswered++;
      if (row.right) inRight++;
    } else {
      oosAnswered++;
    }
    const next = rows[i + 1]?.score ?? 0;
    if (next === row.score) continue; // equal scores are answered or refused together
    yield { threshold: (row.score + next) / 2, inAnswered, inRight, oosAnswered, refusal: 0 };
  }
}

const round = (x: number): number => Number(x.toFixed(4));
