import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_MARGIN, DEFAULT_THRESHOLD, relativeGap } from '../../../src/lanes/faq/retrieval/decide.ts';

/** A ranked entry that covers the question well (coverage is tested on its own below). */
const r = (id: string, score: number, similarity = 0.5) => ({ id, score, similarity });

describe('decide', () => {
  it('answers when the top score clears the threshold and the margin', () => {
    expect(decide([r('a', 0.9), r('b', 0.05)], { threshold: 0.5, margin: 0.1 })).toEqual({ kind: 'answer', entryId: 'a', score: 0.9 });
  });

  it('refuses below the threshold and suggests the best three', () => {
    const ranked = [r('a', 0.4), r('b', 0.1), r('c', 0.05), r('d', 0.01)];
    expect(decide(ranked, { threshold: 0.5 })).toEqual({ kind: 'unknown', suggestions: ranked.slice(0, 3) });
  });

  it('refuses a near-tie between the two best entries', () => {
    expect(decide([r('a', 0.6), r('b', 0.58)], { threshold: 0.5, margin: 0.05 }).kind).toBe('unknown');
    expect(decide([r('a', 0.6), r('b', 0.5)], { threshold: 0.5, margin: 0.05 }).kind).toBe('answer');
  });

  it('answers a lone candidate measured against a second score of 0', () => {
    expect(decide([r('a', 0.6)], { threshold: 0.5, margin: 0.5 }).kind).toBe('answer');
  });

  it('refuses with no suggestions when nothing matched', () => {
    expect(decide([])).toEqual({ kind: 'unknown', suggestions: [] });
  });

  it('accepts a score exactly at the threshold', () => {
    expect(decide([r('a', DEFAULT_THRESHOLD)]).kind).toBe('answer');
  });

  it('uses small calibrated defaults', () => {
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_THRESHOLD).toBeLessThan(1);
    expect(DEFAULT_MARGIN).toBeLessThanOrEqual(0.05);
  });

  it('GIVEN the same ranking at a tenth of the scale THEN the margin rule decides the same (it is relative to the spread)', () => {
    const ranked = [r('a', 0.5), r('b', 0.45), r('c', 0.2), r('d', 0.1), r('e', 0.05)];
    const small = ranked.map((e) => r(e.id, e.score / 10));
    expect(relativeGap(ranked)).toBeCloseTo(relativeGap(small), 10);
    expect(decide(ranked, { threshold: 0, margin: 0.2 }).kind).toBe('unknown');
    expect(decide(small, { threshold: 0, margin: 0.2 }).kind).toBe('unknown');
    expect(decide(ranked, { threshold: 0, margin: 0.1 }).kind).toBe('answer');
    expect(decide(small, { threshold: 0, margin: 0.1 }).kind).toBe('answer');
  });

  it('GIVEN close small scores of a one-question FAQ THEN an absolute gap of 0.01 would refuse but the relative rule answers', () => {
    const ranked = [r('a', 0.05), r('b', 0.042), r('c', 0.03), r('d', 0.02), r('e', 0.01)];
    expect(ranked[0]!.score - ranked[1]!.score).toBeLessThan(0.01);
    expect(decide(ranked, { threshold: 0.04 })).toEqual({ kind: 'answer', entryId: 'a', score: 0.05 });
  });

  it('GIVEN a real tie THEN the default margin refuses and offers both', () => {
    const ranked = [r('a', 0.5), r('b', 0.4995), r('c', 0.2)];
    const decision = decide(ranked, { threshold: 0.1 });
    expect(decision.kind).toBe('unknown');
    if (decision.kind === 'unknown') expect(decision.suggestions.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('GIVEN margin 0 THEN only the threshold decides', () => {
    expect(decide([r('a', 0.5), r('b', 0.5)], { threshold: 0.1, margin: 0 }).kind).toBe('answer');
  });

  it('GIVEN a confident score for an entry that covers little of the question THEN it refuses (nonsense on a small FAQ)', () => {
    const ranked = [r('a', 0.15, 0.03), r('b', 0.14, 0.02), r('c', 0.01, 0.01)];
    expect(decide(ranked, { threshold: 0.121, margin: 0 }).kind).toBe('unknown');
    expect(decide(ranked, { threshold: 0.121, margin: 0, minSimilarity: 0 }).kind).toBe('answer');
  });
});
