/**
 * Turns CLINC150's `data_full.json` into an FAQ and query files for `src/lanes/faq/cli/eval.ts`.
 *
 *   npx tsx tools/clinc150/convert.ts [data_full.json] [out-dir] [--per-intent 10] [--seed 150]
 *
 * One FAQ entry per intent whose questions are `per-intent` paraphrases drawn from `train` with a seeded shuffle (a
 * realistic FAQ has a handful of phrasings, not 100). Queries: test + oos_test; calibration: val + oos_val.
 * The output goes to `tmp/clinc150/` by default, which is gitignored: generated data is never committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { mulberry32, shuffleInPlace } from '../../src/core/prng.ts';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DEFAULT_INPUT = resolve(REPO_ROOT, '../shared/data/dev/clinc150/data_full.json');
export const DEFAULT_OUTPUT = resolve(REPO_ROOT, 'tmp/clinc150');

const itemsSchema = z.array(z.tuple([z.string(), z.string()]));
const dataSchema = z.object({
  train: itemsSchema,
  val: itemsSchema,
  test: itemsSchema,
  oos_val: itemsSchema,
  oos_test: itemsSchema,
});

export interface ConvertOptions {
  readonly perIntent?: number;
  readonly seed?: number;
}

export interface ConvertResult {
  readonly entries: number;
  readonly queries: number;
  readonly calibrate: number;
}

/** Out-of-scope items are labelled `oos` in CLINC150; the eval files use `null` ("the FAQ does not know"). */
const toQuery = ([text, intent]: [string, string]): string => JSON.stringify({ text, expected: intent === 'oos' ? null : intent });

export function convertClinc(inputPath: string, outDir: string, options: ConvertOptions = {}): ConvertResult {
  const perIntent = options.perIntent ?? 10;
  const data = dataSchema.parse(JSON.parse(readFileSync(inputPath, 'utf8')));

  // Group train by intent in first-seen order, then shuffle each group with the same seeded generator: the FAQ is
  // identical on every run and every machine.
  const byIntent = new Map<string, string[]>();
  for (const [text, intent] of data.train) {
    if (intent === 'oos') continue;
    const list = byIntent.get(intent) ?? [];
    list.push(text);
    byIntent.set(intent, list);
  }
  const random = mulberry32(options.seed ?? 150);
  const faq = [...byIntent].map(([intent, texts]) => ({
    id: intent,
    questions: shuffleInPlace([...texts], random).slice(0, perIntent),
    answer: `Answer for ${intent}`,
  }));

  const queries = [...data.test, ...data.oos_test].map(toQuery);
  const calibrate = [...data.val, ...data.oos_val].map(toQuery);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'faq.json'), JSON.stringify(faq, null, 1) + '\n');
  writeFileSync(join(outDir, 'queries.jsonl'), queries.join('\n') + '\n');
  writeFileSync(join(outDir, 'calibrate.jsonl'), calibrate.join('\n') + '\n');
  return { entries: faq.length, queries: queries.length, calibrate: calibrate.length };
}

function main(argv: string[]): void {
  const positional: string[] = [];
  const options: { perIntent?: number; seed?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--per-intent' || arg === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive integer`);
      if (arg === '--seed') options.seed = value;
      else options.perIntent = value;
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  const input = resolve(positional[0] ?? DEFAULT_INPUT);
  const output = resolve(positional[1] ?? DEFAULT_OUTPUT);
  const result = convertClinc(input, output, options);
  console.log(JSON.stringify({ ...result, out: output }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`convert: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
