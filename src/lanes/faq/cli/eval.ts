/**
 * Offline evaluation of FAQ retrieval: accuracy, refusals and latency on a query file, as one JSON line.
 *
 *   npx tsx src/lanes/faq/cli/eval.ts --faq <yaml|json> --queries <jsonl> [--calibrate <jsonl>] [--retrieval lexical|dense|hybrid]
 *     [--objective balanced|accuracy] [--max-refusal 0.08] [--threshold 0.121] [--margin 0.02]
 *
 * Query lines are `{"text": "...", "expected": "<entry id>" | null}`; `null` means the FAQ should say it does not
 * know. With `--calibrate`, the refusal threshold is chosen on that file (never on the queries themselves).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { faqEntrySchema, type FaqEntry } from '../entry.ts';
import { calibrateThreshold, DEFAULT_MAX_REFUSAL, type Calibration, type CalibrationOptions } from '../retrieval/calibrate.ts';
import { decide, DEFAULT_THRESHOLD } from '../retrieval/decide.ts';
import { buildRanker, RETRIEVAL_MODES, type RetrievalMode } from '../ranker.ts';

class UsageError extends Error {}

const USAGE =
  'usage: eval-faq --faq <yaml|json> --queries <jsonl> [--calibrate <jsonl> [--objective balanced|accuracy] ' +
  '[--max-refusal 0.08]] [--threshold 0.121] [--margin 0.02] [--retrieval lexical|dense|hybrid|baseline]';

const faqFileSchema = z.union([z.array(faqEntrySchema), z.object({ entries: z.array(faqEntrySchema) })]);
const queryLineSchema = z.object({ text: z.string().trim().min(1), expected: z.string().nullable() });
type Query = z.infer<typeof queryLineSchema>;

/** `file: path.to[0].field: message` for the first problem: one line a person can act on. */
function describe(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${file}: ${where}${issue?.message ?? 'invalid'}`;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function loadFaq(file: string): FaqEntry[] {
  const text = readText(file);
  let raw: unknown;
  try {
    raw = ['.yaml', '.yml'].includes(extname(file).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid ${extname(file).slice(1) || 'JSON'}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = faqFileSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(describe(file, parsed.error));
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.entries;
  if (entries.length === 0) throw new UsageError(`${file}: the FAQ has no entries`);
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new UsageError(`${file}: duplicate entry id "${e.id}"`);
    seen.add(e.id);
  }
  return entries;
}

export function loadQueries(file: string, ids: ReadonlySet<string>): Query[] {
  const queries: Query[] = [];
  readText(file)
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new UsageError(`${file}:${i + 1}: not valid JSON`);
      }
      const parsed = queryLineSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(describe(`${file}:${i + 1}`, parsed.error));
      if (parsed.data.expected !== null && !ids.has(parsed.data.expected)) {
        throw new UsageError(`${file}:${i + 1}: expected "${parsed.data.expected}" is not an entry of the FAQ`);
      }
      queries.push(parsed.data);
    });
  if (queries.length === 0) throw new UsageError(`${file}: no queries`);
  return queries;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

export interface EvaluateOptions extends CalibrationOptions {
  readonly faq: string;
  readonly queries: string;
  readonly calibrate?: string;
  /** `dense` and `hybrid` need the FAQ lane's embedding model (`lanes.faq.model` of the loaded config). */
  readonly retrieval?: RetrievalMode;
  /** A fixed threshold instead of the default one (`0` with `margin: 0` measures plain top-1 accuracy). */
  readonly threshold?: number;
}

/** What the `calibration` field of the output means, for the rules that are not simply the chosen objective. */
export function calibrationNote(result: Calibration, maxRefusal: number): string | undefined {
  if (result.rule === 'accuracy-no-oos')
    return 'the calibration queries hold no out-of-scope question, so the threshold maximises accuracy (it cannot learn to refuse)';
  if (result.rule === 'least-refusing')
    return (
      `no threshold refuses at most ${maxRefusal * 100}% of the in-scope calibration queries ` +
      `(the margin rule alone refuses more); took the least-refusing one (${(result.inScopeRefusal * 100).toFixed(1)}%)`
    );
  return undefined;
}

export async function evaluate(options: EvaluateOptions): Promise<Record<string, number | string | null>> {
  const { faq: faqFile, queries: queryFile, calibrate: calibrateFile } = options;
  const entries = loadFaq(faqFile);
  const ids = new Set(entries.map((e) => e.id));
  const queries = loadQueries(queryFile, ids);
  const calibration = calibrateFile === undefined ? undefined : loadQueries(calibrateFile, ids);

  const t0 = performance.now();
  const { index, embedMs, close } = await buildRanker(
    options.retrieval ?? 'lexical',
    entries,
    [...queries, ...(calibration ?? [])].map((q) => q.text),
  ).catch((error: unknown) => {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'the embedding model failed');
  });
  const trainMs = performance.now() - t0 - embedMs;
  const calibrated = calibration ? calibrateThreshold(index, calibration, options) : undefined;
  const threshold = calibrated?.threshold ?? options.threshold ?? DEFAULT_THRESHOLD;
  const note = calibrated && calibrationNote(calibrated, options.maxRefusal ?? DEFAULT_MAX_REFUSAL);
  if (note) console.error(`eval-faq: ${note}`);

  let inScope = 0;
  let inScopeRight = 0;
  let inScopeRefused = 0;
  let outOfScope = 0;
  let outOfScopeRefused = 0;
  const latencies: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    // As many candidates as the lane gives `decide` (the margin rule looks at the spread of the top scores).
    const ranked = index.rank(q.text, 20);
    latencies.push(performance.now() - start);
    const decision = decide(ranked, { threshold, ...(options.margin === undefined ? {} : { margin: options.margin }) });
    if (q.expected === null) {
      outOfScope++;
      if (decision.kind === 'unknown') outOfScopeRefused++;
    } else {
      inScope++;
      if (decision.kind === 'unknown') inScopeRefused++;
      else if (decision.entryId === q.expected) inScopeRight++;
    }
  }
  latencies.sort((a, b) => a - b);
  await close();
  return {
    in_scope_accuracy: inScope ? round(inScopeRight / inScope) : null,
    in_scope_refusal_rate: inScope ? round(inScopeRefused / inScope) : null,
    oos_recall: outOfScope ? round(outOfScopeRefused / outOfScope) : null,
    threshold: round(threshold),
    calibration: calibrated?.rule ?? (options.threshold === undefined ? 'default-threshold' : 'fixed-threshold'),
    p50_ms: round(percentile(latencies, 0.5), 3),
    p99_ms: round(percentile(latencies, 0.99), 3),
    train_ms: round(trainMs, 1),
    embed_ms: round(embedMs, 1),
    entries: entries.length,
    queries: queries.length,
  };
}

async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        faq: { type: 'string' },
        queries: { type: 'string' },
        calibrate: { type: 'string' },
        retrieval: { type: 'string', default: 'lexical' },
        objective: { type: 'string', default: 'balanced' },
        'max-refusal': { type: 'string', default: String(DEFAULT_MAX_REFUSAL) },
        margin: { type: 'string' },
        threshold: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
  const retrieval = values.retrieval as RetrievalMode;
  if (!RETRIEVAL_MODES.includes(retrieval)) throw new UsageError(`unknown --retrieval ${values.retrieval} (${USAGE})`);
  if (values.faq === undefined || values.queries === undefined) throw new UsageError(`--faq and --queries are required (${USAGE})`);
  const objective = values.objective;
  if (objective !== 'balanced' && objective !== 'accuracy') throw new UsageError(`--objective must be balanced or accuracy`);
  const maxRefusal = Number(values['max-refusal']);
  if (!(maxRefusal >= 0 && maxRefusal <= 1)) throw new UsageError(`--max-refusal must be a number between 0 and 1`);
  const margin = values.margin === undefined ? undefined : Number(values.margin);
  if (margin !== undefined && !(margin >= 0 && margin <= 1)) throw new UsageError(`--margin must be a number between 0 and 1`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be a number between 0 and 1`);
  if (threshold !== undefined && values.calibrate !== undefined) throw new UsageError(`give --threshold or --calibrate, not both`);
  const { faq, queries, calibrate } = values;
  const options: EvaluateOptions = {
    faq,
    queries,
    objective,
    maxRefusal,
    retrieval,
    ...(calibrate === undefined ? {} : { calibrate }),
    ...(margin === undefined ? {} : { margin }),
    ...(threshold === undefined ? {} : { threshold }),
  };
  console.log(JSON.stringify(await evaluate(options)));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof UsageError)) throw error;
  console.error(`eval-faq: ${error.message}`);
  process.exit(2);
});
