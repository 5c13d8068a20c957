/**
 * chrF (Popović 2015) as sacreBLEU 2.x computes it by default ("chrF2": character n-grams 1..6, beta 2, whitespace
 * removed, no epsilon smoothing): n-gram counts are summed over the corpus, precision and recall are averaged over
 * the orders that have n-grams on both sides, then combined into an F-beta score on a 0-100 scale. Checked against
 * sacreBLEU's own test values (tests/lanes/translate/eval/metrics.test.ts).
 */

export interface ChrfOptions {
  /** @defaultValue 6 */
  readonly charOrder?: number;
  /** @defaultValue 2 */
  readonly beta?: number;
  /** Keep whitespace inside n-grams. @defaultValue false */
  readonly whitespace?: boolean;
  /** chrF++.py-style smoothing (sacreBLEU's `eps_smoothing=True`). @defaultValue false */
  readonly epsSmoothing?: boolean;
}

function ngrams(text: string, n: number): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** [hyp, ref, match] counts per order for one sentence pair. */
export function chrfStatistics(hypothesis: string, reference: string, options: ChrfOptions = {}): number[] {
  const order = options.charOrder ?? 6;
  const prep = (text: string) => (options.whitespace ? text : text.replace(/\s+/gu, ''));
  const hyp = prep(hypothesis);
  const ref = prep(reference);
  const stats: number[] = [];
  for (let n = 1; n <= order; n++) {
    const h = ngrams(hyp, n);
    const r = ngrams(ref, n);
    let match = 0;
    for (const [gram, count] of h) match += Math.min(count, r.get(gram) ?? 0);
    stats.push(sum(h.values()), sum(r.values()), match);
  }
  return stats;
}

/** The F-beta score (0-100) from summed statistics. */
export function chrfFromStatistics(stats: readonly number[], options: ChrfOptions = {}): number {
  const order = options.charOrder ?? 6;
  const factor = (options.beta ?? 2) ** 2;
  const eps = 1e-16;
  let smoothed = 0;
  let precision = 0;
  let recall = 0;
  let effective = 0;
  for (let i = 0; i < order; i++) {
    const [hyp = 0, ref = 0, match = 0] = stats.slice(3 * i, 3 * i + 3);
    const p = hyp > 0 ? match / hyp : eps;
    const r = ref > 0 ? match / ref : eps;
    const denominator = factor * p + r;
    smoothed += denominator > 0 ? ((1 + factor) * p * r) / denominator : eps;
    if (hyp > 0 && ref > 0) {
      precision += p;
      recall += r;
      effective += 1;
    }
  }
  if (options.epsSmoothing) return (100 * smoothed) / order;
  if (effective === 0) return 0;
  precision /= effective;
  recall /= effective;
  if (precision + recall === 0) return 0;
  return (100 * ((1 + factor) * precision * recall)) / (factor * precision + recall);
}

/** Corpus chrF of hypotheses against one reference each. */
export function corpusChrf(hypotheses: readonly string[], references: readonly string[], options: ChrfOptions = {}): number {
  if (hypotheses.length !== references.length) throw new Error('hypotheses and references differ in number');
  const total = new Array<number>((options.charOrder ?? 6) * 3).fill(0);
  for (const [i, hypothesis] of hypotheses.entries()) {
    chrfStatistics(hypothesis, references[i] ?? '', options).forEach((value, k) => (total[k] = (total[k] ?? 0) + value));
  }
  return chrfFromStatistics(total, options);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
