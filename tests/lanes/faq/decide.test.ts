import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_MARGIN, DEFAULT_THRESHOLD } from '../../../src/lanes/faq/retrieval/decide.ts';

const r = (id: string, score: number) => ({ id, score, similarity: score });

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
});
