import { describe, expect, it } from 'vitest';
import { REFERENCE_QUESTIONS, scoreExponent } from '../../../src/lanes/faq/retrieval/scale.ts';

describe('one threshold for every FAQ shape', () => {
  it('GIVEN the reference shape THEN scores are unchanged', () => {
    expect(scoreExponent(REFERENCE_QUESTIONS)).toBeCloseTo(1, 12);
  });

  it('GIVEN the calibrated thresholds measured per shape THEN each maps onto the reference one within 15%', () => {
    // Thresholds calibrated on CLINC150 val + oos_val for 1, 2, 3, 5, 10, 20 and 40 questions per entry (scale.ts).
    const measured: [number, number][] = [
      [1, 0.036],
      [2, 0.046],
      [3, 0.058],
      [5, 0.082],
      [10, 0.131],
      [20, 0.221],
      [40, 0.327],
    ];
    for (const [n, threshold] of measured) expect(Math.pow(threshold, scoreExponent(n)) / 0.131, `n=${n}`).toBeGreaterThan(0.85);
    for (const [n, threshold] of measured) expect(Math.pow(threshold, scoreExponent(n)) / 0.131, `n=${n}`).toBeLessThan(1.15);
  });

  it('GIVEN shapes outside the measured range THEN the exponent stays at its ends', () => {
    expect(scoreExponent(0.5)).toBe(scoreExponent(1));
    expect(scoreExponent(100)).toBe(scoreExponent(40));
    expect(scoreExponent(1)).toBeLessThan(1);
    expect(scoreExponent(40)).toBeGreaterThan(1);
  });
});
