/**
 * A one-question-per-entry FAQ made from CLINC150, the shape most real FAQ files have, for tuning and measuring the
 * FAQ ranker (`src/cli/eval-faq.ts`).
 *
 *   npx tsx tools/faq-single/build.ts [data_full.json] [out-dir] [--seed 10]
 *
 * One entry per intent: its single question is one `train` utterance picked with a seeded shuffle, its answer the
 * hand-written text of `answers.ts`, its tag the intent's domain. Queries are other people's paraphrases: `tune.jsonl`
 * = val + oos_val (tune and calibrate on it), `test.jsonl` = test + oos_test (report on it). Output goes to
 * `tmp/faq-single/` by default (gitignored). `--fixture` writes the committed test sample instead: the FAQ and 2 tune
 * queries per entry plus 30 out-of-scope ones, in `tests/fixtures/faq-single/`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { mulberry32, shuffleInPlace } from '../../src/core/prng.ts';
import { ANSWERS } from './answers.ts';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CLINC_DIR = '/work/shared/data/dev/clinc150';
export const DEFAULT_INPUT = resolve(CLINC_DIR, 'data_full.json');
export const DEFAULT_OUTPUT = resolve(REPO_ROOT, 'tmp/faq-single');
export const FIXTURE_OUTPUT = resolve(REPO_ROOT, 'tests/fixtures/faq-single');

const itemsSchema = z.array(z.tuple([z.string(), z.string()]));
const dataSchema = z.object({ train: itemsSchema, val: itemsSchema, test: itemsSchema, oos_val: itemsSchema, oos_test: itemsSchema });
const domainsSchema = z.record(z.string(), z.array(z.string()));

export interface SingleQuestionSet {
  readonly faq: readonly { id: string; questions: [string]; answer: string; tags: [string] }[];
  readonly tune: readonly { text: string; expected: string | null }[];
  readonly test: readonly { text: string; expected: string | null }[];
}

const toQuery = ([text, intent]: [string, string]) => ({ text, expected: intent === 'oos' ? null : intent });

/** Builds the set in memory (deterministic for a given seed). */
export function buildSingleQuestionSet(inputPath: string, seed = 10): SingleQuestionSet {
  const data = dataSchema.parse(JSON.parse(readFileSync(inputPath, 'utf8')));
  const domains = domainsSchema.parse(JSON.parse(readFileSync(join(inputPath, '../domains.json'), 'utf8')));
  const domainOf = new Map(Object.entries(domains).flatMap(([domain, intents]) => intents.map((i) => [i, domain.replaceAll('_', ' ')])));
  const byIntent = new Map<string, string[]>();
  for (const [text, intent] of data.train) if (intent !== 'oos') byIntent.set(intent, [...(byIntent.get(intent) ?? []), text]);
  const random = mulberry32(seed);
  const faq = [...byIntent].map(([intent, texts]) => {
    const answer = ANSWERS[intent];
    if (answer === undefined) throw new Error(`no answer written for intent ${intent}`);
    const question = shuffleInPlace([...texts], random)[0] ?? intent;
    return { id: intent, questions: [question] as [string], answer, tags: [domainOf.get(intent) ?? 'other'] as [string] };
  });
  return { faq, tune: [...data.val, ...data.oos_val].map(toQuery), test: [...data.test, ...data.oos_test].map(toQuery) };
}

const jsonl = (rows: readonly unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** The first `perEntry` tune queries of every entry, then the first `outOfScope` unanswerable ones. */
export function sampleQueries(set: SingleQuestionSet, perEntry: number, outOfScope: number): SingleQuestionSet['tune'] {
  const taken = new Map<string | null, number>();
  return set.tune.filter((q) => {
    const n = taken.get(q.expected) ?? 0;
    taken.set(q.expected, n + 1);
    return n < (q.expected === null ? outOfScope : perEntry);
  });
}

function main(argv: string[]): void {
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--seed');
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 10;
  if (!Number.isInteger(seed) || seed < 1) throw new Error('--seed needs a positive integer');
  const fixture = argv.includes('--fixture');
  const out = resolve(positional[1] ?? (fixture ? FIXTURE_OUTPUT : DEFAULT_OUTPUT));
  const set = buildSingleQuestionSet(resolve(positional[0] ?? DEFAULT_INPUT), seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'faq.json'), JSON.stringify(set.faq, null, 1) + '\n');
  if (fixture) {
    const sample = sampleQueries(set, 2, 30);
    writeFileSync(join(out, 'queries.jsonl'), jsonl(sample));
    console.log(JSON.stringify({ entries: set.faq.length, queries: sample.length, out }));
    return;
  }
  writeFileSync(join(out, 'tune.jsonl'), jsonl(set.tune));
  writeFileSync(join(out, 'test.jsonl'), jsonl(set.test));
  console.log(JSON.stringify({ entries: set.faq.length, tune: set.tune.length, test: set.test.length, out }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`faq-single: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
