/**
 * Offline evaluation of FAQ retrieval: accuracy, refusals and latency on a query file, as one JSON line.
 *
 *   npx tsx src/lanes/faq/cli/eval.ts --faq <yaml|json> --queries <jsonl> [--calibrate <jsonl>] [--retrieval lexical|dense|hybrid]
 *     [--objective balanced|accuracy] [--max-refusal 0.08]
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
import { decide, DEFAULT_MARGIN, DEFAULT_THRESHOLD } from '../retrieval/decide.ts';
import { type LexicalIndex, type RankedEntry } from '../retrieval/lexical.ts';
import { buildRanker, RETRIEVAL_MODES, type RetrievalMode } from '../ranker.ts';

class UsageError extends Error {}

/** Refusal budget when calibrating: the lane's target is at most 10% of answerable questions refused on new data,
 * and a threshold fitted to exactly 10% on the calibration set would overshoot on new data about half of the time. */
export const DEFAULT_MAX_REFUSAL = 0.08;

const USAGE =
  'usage: eval-faq --faq <yaml|json> --queries <jsonl> [--calibrate <jsonl> [--objective balanced|accuracy] ' +
  '[--max-refusal 0.08]] [--retrieval lexical|dense|hybrid]';

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

export type Objective = 'balanced' | 'accuracy';

export interface CalibrationOptions {
  /**
   * `accuracy`: plain accuracy with "don't know" as one more class. `balanced`: the same, but in-scope and
   * out-of-scope queries weigh half each. CLINC150's `val` is 97% in scope, so plain accuracy makes refusing almost
   * worthless and lands on a threshold that lets most unanswerable questions through; a Discord FAQ is asked off-topic
   * questions far more often than that.
   */
  readonly objective?: Objective;
  /** Never choose a threshold that refuses more than this share of the in-scope calibration queries. */
  readonly maxRefusal?: number;
  readonly margin?: number;
}

/**
 * The refusal threshold that maximizes `objective` on `queries` within the refusal budget. Each query is ranked once;
 * then every cut between consecutive top scores is tried (the threshold is the midpoint of the cut).
 */
export function calibrateThreshold(index: LexicalIndex, queries: readonly Query[], options: CalibrationOptions = {}): number {
  const { objective = 'balanced', maxRefusal = DEFAULT_MAX_REFUSAL, margin = DEFAULT_MARGIN } = options;
  const rows = queries.map((q) => {
    const ranked = index.rank(q.text, 2);
    const answerable = decide(ranked, { threshold: 0, margin }).kind === 'answer';
    // A query the margin rule refuses anyway is refused at any threshold: give it score 0.
    return { score: answerable ? (ranked[0]?.score ?? 0) : 0, inScope: q.expected !== null, right: ranked[0]?.id === q.expected };
  });
  rows.sort((a, b) => b.score - a.score);
  const inScope = rows.filter((r) => r.inScope).length;
  const outOfScope = rows.length - inScope;
  const value = (inRight: number, oosRefused: number): number => {
    if (objective === 'accuracy' || inScope === 0 || outOfScope === 0) return (inRight + oosRefused) / rows.length;
    return (inRight / inScope + oosRefused / outOfScope) / 2;
  };

  // Walk the cuts from "refuse everything" down to "answer everything that has a score".
  let inRight = 0;
  let inAnswered = 0;
  let oosAnswered = 0;
  let best = -1;
  let bestThreshold = 1;
  for (let i = -1; i < rows.length; i++) {
    const row = rows[i];
    if (row) {
      if (row.score <= 0) break;
      if (row.inScope) {
        inAnswered++;
        if (row.right) inRight++;
      } else {
        oosAnswered++;
      }
    }
    const next = rows[i + 1]?.score ?? 0;
    if (row && next === row.score) continue; // equal scores are answered or refused together
    if (inScope > 0 && (inScope - inAnswered) / inScope > maxRefusal) continue;
    const v = value(inRight, outOfScope - oosAnswered);
    if (v > best) {
      best = v;
      bestThreshold = row ? (row.score + next) / 2 : Math.min(1, (rows[0]?.score ?? 0) + 1e-6);
    }
  }
  return bestThreshold;
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
}

export async function evaluate(options: EvaluateOptions): Promise<Record<string, number | null>> {
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
  const threshold = calibration ? calibrateThreshold(index, calibration, options) : DEFAULT_THRESHOLD;

  let inScope = 0;
  let inScopeRight = 0;
  let inScopeRefused = 0;
  let outOfScope = 0;
  let outOfScopeRefused = 0;
  const latencies: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    const ranked: RankedEntry[] = index.rank(q.text, 3);
    latencies.push(performance.now() - start);
    const decision = decide(ranked, { threshold });
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
  const { faq, queries, calibrate } = values;
  const options: EvaluateOptions = { faq, queries, objective, maxRefusal, retrieval, ...(calibrate === undefined ? {} : { calibrate }) };
  console.log(JSON.stringify(await evaluate(options)));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof UsageError)) throw error;
  console.error(`eval-faq: ${error.message}`);
  process.exit(2);
});
