import { describe, expect, it } from 'vitest';
import { calibrateThreshold } from '../../../src/lanes/faq/retrieval/calibrate.ts';
import type { LexicalIndex, RankedEntry } from '../../../src/lanes/faq/retrieval/lexical.ts';

/** An index whose ranking of each query text is given: calibration only ever calls `rank`. */
function fixedIndex(rankings: Record<string, RankedEntry[]>): LexicalIndex {
  return { size: 3, rank: (query) => rankings[query] ?? [] };
}
const r = (id: string, score: number): RankedEntry => ({ id, score, similarity: score });

describe('calibrating the refusal threshold', () => {
  const index = fixedIndex({
    a1: [r('a', 0.9), r('b', 0.1)],
    a2: [r('a', 0.7), r('b', 0.1)],
    b1: [r('b', 0.6), r('a', 0.1)],
    wrong: [r('a', 0.5), r('b', 0.1)],
    wrong2: [r('a', 0.45), r('b', 0.1)],
    off1: [r('a', 0.3), r('b', 0.1)],
    off2: [r('b', 0.2), r('a', 0.1)],
    tie: [r('a', 0.8), r('b', 0.799)],
  });

  it('GIVEN in-scope and out-of-scope queries THEN the threshold separates them within the refusal budget', () => {
    const queries = [
      { text: 'a1', expected: 'a' },
      { text: 'a2', expected: 'a' },
      { text: 'b1', expected: 'b' },
      { text: 'off1', expected: null },
      { text: 'off2', expected: null },
    ];
    const result = calibrateThreshold(index, queries, { maxRefusal: 0 });
    expect(result.rule).toBe('balanced');
    expect(result.threshold).toBeGreaterThan(0.3);
    expect(result.threshold).toBeLessThan(0.6);
    expect(result.inScopeRefusal).toBe(0);
  });

  it('GIVEN no out-of-scope query THEN it maximises accuracy, says so, and answers every query it gets right', () => {
    const queries = [
      { text: 'a1', expected: 'a' },
      { text: 'b1', expected: 'b' },
      { text: 'wrong', expected: 'b' },
    ];
    const result = calibrateThreshold(index, queries, { maxRefusal: 0.5 });
    expect(result.rule).toBe('accuracy-no-oos');
    expect(result.threshold).toBeLessThan(0.6);
  });

  it('GIVEN near-ties that the margin rule refuses beyond the budget THEN it takes the least-refusing threshold, not 1', () => {
    const queries = [
      { text: 'tie', expected: 'a' },
      { text: 'a2', expected: 'a' },
      { text: 'off2', expected: null },
    ];
    const result = calibrateThreshold(index, queries, { maxRefusal: 0.1, margin: 0.05 });
    expect(result.rule).toBe('least-refusing');
    expect(result.inScopeRefusal).toBe(0.5);
    expect(result.threshold).toBeLessThan(0.7);
  });

  it('GIVEN a flat optimum THEN it takes the middle of the equally good thresholds, not an end of them', () => {
    // Cuts at 0.55, 0.475 and 0.375 are equally good: a wrong in-scope answer costs what refusing it costs.
    const queries = [
      { text: 'b1', expected: 'b' },
      { text: 'wrong', expected: 'b' },
      { text: 'wrong2', expected: 'b' },
      { text: 'off1', expected: null },
    ];
    const result = calibrateThreshold(index, queries, { maxRefusal: 1, objective: 'accuracy' });
    expect(result.threshold).toBeCloseTo(0.475, 5);
  });
});
