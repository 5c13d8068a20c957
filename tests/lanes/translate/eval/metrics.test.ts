/** chrF and BLEU against the reference values in sacreBLEU's own test suite (test_chrf.py, test_bleu.py). */
import { describe, expect, it } from 'vitest';
import { corpusBleu } from '../../../../src/lanes/translate/eval/bleu.ts';
import { chrfFromStatistics, chrfStatistics, corpusChrf } from '../../../../src/lanes/translate/eval/chrf.ts';

const close = (value: number, expected: number, epsilon = 1e-4) =>
  expect(Math.abs(value - expected), `${value} vs ${expected}`).toBeLessThan(epsilon);

describe('chrF matches sacreBLEU', () => {
  it('GIVEN sacreBLEU 2.x default mode (effective order, beta 3 in its tests) THEN the same scores', () => {
    const cases: [string[], string[], number][] = [
      [['a'], ['a'], 100],
      [[''], ['reference'], 0],
      [['a b c'], ['a b c'], 100],
      [['a b c'], ['abc'], 100],
      [[''], ['c'], 0],
      [['a', 'b'], ['a', 'c'], 50],
      [['aa'], ['ab'], 25],
    ];
    for (const [hyp, ref, expected] of cases) close(corpusChrf(hyp, ref, { beta: 3 }), expected);
  });

  it('GIVEN epsilon smoothing (chrF++.py mode) THEN the same scores', () => {
    const cases: [string[], string[], number][] = [
      [['aa'], ['ab'], 8.3333],
      [['a'], ['a'], 16.6667],
      [['a b c'], ['abc'], 50],
      [
        [' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'],
        ['risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .'],
        63.36173,
      ],
      [
        [' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
        ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
        64.1302698,
      ],
    ];
    for (const [hyp, ref, expected] of cases) close(corpusChrf(hyp, ref, { beta: 3, epsSmoothing: true }), expected);
  });

  it('GIVEN whitespace kept THEN the same scores', () => {
    close(
      corpusChrf(
        ['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
        ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
        { beta: 3, whitespace: true },
      ),
      67.3481606,
    );
  });

  it('GIVEN sentence-level chrF2 with smoothing THEN the same scores', () => {
    const stats = chrfStatistics(
      'Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.',
      'Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.',
    );
    close(chrfFromStatistics(stats, { epsSmoothing: true }), 39.14078509);
  });
});

describe('BLEU matches sacreBLEU', () => {
  const refs = [
    ['The dog bit the man.', 'It was not unexpected.', 'The man bit him first.'],
    ['The dog had bit the man.', 'No one was surprised.', 'The man had bitten the dog.'],
  ];
  const hyps = ['The dog bit the man.', "It wasn't surprising.", 'The man had just bitten him.'];

  it('GIVEN the README example with two references THEN 48.530827 (13a) and 49.1919566 (no tokenizer)', () => {
    close(corpusBleu(hyps, refs).score, 48.530827, 1e-6);
    close(corpusBleu(hyps, refs, 'none').score, 49.1919566, 1e-6);
    expect(corpusBleu(['', '', ''], refs).score).toBe(0);
  });
});
