import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertClinc } from '../../../tools/clinc150/convert.ts';

/** A data_full.json look-alike: 2 intents x 15 train items, plus val/test/oos splits. */
function writeTinyDataset(dir: string): string {
  const train = ['alpha', 'beta'].flatMap((intent) => Array.from({ length: 15 }, (_, i) => [`${intent} question ${i}`, intent]));
  const data = {
    train: [...train, ['not covered', 'oos']],
    val: [['alpha val', 'alpha']],
    test: [
      ['alpha test', 'alpha'],
      ['beta test', 'beta'],
    ],
    oos_train: [['oos train', 'oos']],
    oos_val: [['oos val', 'oos']],
    oos_test: [['oos test', 'oos']],
  };
  const file = join(dir, 'data_full.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

const readJsonl = (file: string): unknown[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);

describe('CLINC150 converter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinc-'));
  const input = writeTinyDataset(dir);

  it('writes one FAQ entry per intent with 10 paraphrases from train', () => {
    const out = join(dir, 'out');
    expect(convertClinc(input, out)).toEqual({ entries: 2, queries: 3, calibrate: 2 });
    const faq = JSON.parse(readFileSync(join(out, 'faq.json'), 'utf8')) as Array<{ id: string; questions: string[]; answer: string }>;
    expect(faq.map((e) => e.id)).toEqual(['alpha', 'beta']);
    for (const e of faq) {
      expect(e.questions).toHaveLength(10);
      expect(new Set(e.questions).size).toBe(10);
      for (const q of e.questions) expect(q.startsWith(e.id)).toBe(true);
      expect(e.answer).toBe(`Answer for ${e.id}`);
    }
  });

  it('writes test + oos_test as queries and val + oos_val for calibration, oos as null', () => {
    const out = join(dir, 'out2');
    convertClinc(input, out);
    expect(readJsonl(join(out, 'queries.jsonl'))).toEqual([
      { text: 'alpha test', expected: 'alpha' },
      { text: 'beta test', expected: 'beta' },
      { text: 'oos test', expected: null },
    ]);
    expect(readJsonl(join(out, 'calibrate.jsonl'))).toEqual([
      { text: 'alpha val', expected: 'alpha' },
      { text: 'oos val', expected: null },
    ]);
  });

  it('draws the same paraphrases on every run and different ones for another seed', () => {
    const read = (out: string) => readFileSync(join(out, 'faq.json'), 'utf8');
    convertClinc(input, join(dir, 'a'));
    convertClinc(input, join(dir, 'b'));
    convertClinc(input, join(dir, 'c'), { seed: 7 });
    expect(read(join(dir, 'a'))).toBe(read(join(dir, 'b')));
    expect(read(join(dir, 'a'))).not.toBe(read(join(dir, 'c')));
  });

  it('rejects a file that is not data_full-like', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ train: [] }));
    expect(() => convertClinc(bad, join(dir, 'never'))).toThrow();
  });
});
