/** The evaluation path: reading test sets, scoring through the lane's engine, and the CLI on the fixture model. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTranslation, readPairs, withMarkup } from '../../../../src/lanes/translate/eval/run.ts';
import { runScript } from '../../../helpers/spawn.ts';
import { fakeProvider, language, loseAll } from '../fake-providers.ts';

const pair = { from: language('ja'), to: language('en') };
const dir = mkdtempSync(path.join(tmpdir(), 'eval-translate-'));

describe('translation evaluation', () => {
  it('GIVEN a TSV or a LASER Tatoeba folder THEN the pairs are read line by line; a bad line is named', () => {
    writeFileSync(path.join(dir, 'pairs.tsv'), 'おはよう\tgood morning\nありがとう\tthank you\n');
    expect(readPairs(path.join(dir, 'pairs.tsv'), pair)).toEqual([
      { source: 'おはよう', reference: 'good morning' },
      { source: 'ありがとう', reference: 'thank you' },
    ]);
    const laser = mkdtempSync(path.join(dir, 'laser-'));
    writeFileSync(path.join(laser, 'tatoeba.jpn-eng.jpn'), '猫です。\n犬です。\n');
    writeFileSync(path.join(laser, 'tatoeba.jpn-eng.eng'), 'A cat.\nA dog.\n');
    expect(readPairs(laser, pair)).toEqual([
      { source: '猫です。', reference: 'A cat.' },
      { source: '犬です。', reference: 'A dog.' },
    ]);
    expect(readPairs(laser, { from: language('en'), to: language('ja') })[0]).toEqual({ source: 'A cat.', reference: '猫です。' });
    writeFileSync(path.join(dir, 'bad.tsv'), 'one\ttwo\nthree\n');
    expect(() => readPairs(path.join(dir, 'bad.tsv'), pair)).toThrow(/line 2 is not source<TAB>reference/u);
  });

  it('GIVEN a perfect translator THEN chrF2 and BLEU are 100; GIVEN one that loses placeholders THEN every segment falls back, no span is lost', async () => {
    const pairs = [
      { source: 'the cat sat on the mat', reference: 'the cat sat on the mat' },
      { source: 'a dog runs in the park', reference: 'a dog runs in the park' },
    ];
    const perfect = await evaluateTranslation({ pairs, provider: fakeProvider((text) => text), pair, chunkTokens: 100 });
    expect(perfect).toMatchObject({ segments: 2, chrf2: 100, bleu: 100, model_calls: 2, fallbacks: 0, lost_spans: 0 });
    const lossy = await evaluateTranslation({ pairs: withMarkup(pairs), provider: fakeProvider(loseAll), pair, chunkTokens: 100 });
    expect(lossy).toMatchObject({ fallbacks: 2, fallback_rate: 1, lost_spans: 0, model_calls: 4 });
  });

  it('GIVEN the CLI on the fixture NLLB-layout model THEN it prints one JSON line with every figure', async () => {
    writeFileSync(
      path.join(dir, 'ja-en.tsv'),
      'おはようございます\tGood morning\n<@123456789012345678> ありがとう\t<@123456789012345678> thanks\n',
    );
    const run = await runScript(
      'src/lanes/translate/cli/eval.ts',
      ['--pairs', path.join(dir, 'ja-en.tsv'), '--from', 'ja', '--to', 'en', '--model', 'tiny-random-m2m100-nllb'],
      {
        env: { KOTODAMA_PROFILE: 'fixtures', LOG_LEVEL: 'silent' },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    expect(figures).toMatchObject({
      pair: 'ja-en',
      model: 'tiny-random-m2m100-nllb',
      provider: 'seq2seq',
      segments: 2,
      fallbacks: 1,
      lost_spans: 0,
      bleu_tokenizer: '13a',
    });
    for (const key of ['chrf2', 'bleu', 'chars_per_sec']) expect(typeof figures[key]).toBe('number');
    const refused = await runScript(
      'src/lanes/translate/cli/eval.ts',
      ['--pairs', path.join(dir, 'ja-en.tsv'), '--from', 'xx', '--to', 'en'],
      {
        env: { KOTODAMA_PROFILE: 'fixtures' },
      },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--from needs a language code/u);
  });
});
