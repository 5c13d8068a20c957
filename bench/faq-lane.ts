/**
 * The FAQ lane against the bare embedding call, and micro-batching against one question per forward pass.
 *
 * - `faq-embed`: the embedding model called directly: sentences/s one at a time and in batches of 16 (floor: none;
 *   these are the reference figures the issue holds the lane against).
 * - `faq-lane`: one question at a time through the lane's processor (lexical + embedding + fusion) against one bare
 *   embedding call of the same text (target: lane overhead under 5%).
 * - `faq-batching`: 32 concurrent questions through the processor with micro-batching (`faq.batchWaitMs`) against
 *   the same processor with batching off (`batchMax: 1`). Target: ≥ 2× the throughput.
 *
 *   npm run bench -- --only faq-lane [--real] [--count=256]
 */
import { createLogger } from '../src/core/logger.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { createFaqProcessor } from '../src/lanes/faq/processor.ts';
import type { FaqInput, FaqResult } from '../src/lanes/faq/schema.ts';
import type { LaneProcessor } from '../src/lanes/process-context.ts';
import { median, option, ratioOf, report, round, size, withCpu } from './lib/report.ts';
import { benchJobContext, benchSetup } from './lib/setup.ts';
import { questions } from './lib/texts.ts';

const count = Number(option('count', String(size(256, 8))));
const CONCURRENT = 32;
const logger = createLogger({ level: 'silent' });
const { config, models } = benchSetup();
const runtime = new ModelRuntime({ models: config.models, logger });
const lane = config.lanes.faq;
const embedder = await runtime.load({ task: 'feature-extraction', model: lane.model, dtype: lane.dtype, device: lane.device });
const embed = (texts: string[]) => embedder(texts, { pooling: 'mean', normalize: true });
const texts = questions(count);
const context = benchJobContext(logger);

async function perItem(run: (text: string) => Promise<unknown>): Promise<{ p50Ms: number; perSec: number; cpuMsPerItem: number }> {
  const times: number[] = [];
  const { wallMs, cpuMs } = await withCpu(async () => {
    for (const text of texts) {
      const started = performance.now();
      await run(text);
      times.push(performance.now() - started);
    }
  });
  return { p50Ms: round(median(times), 3), perSec: round((texts.length * 1000) / wallMs, 1), cpuMsPerItem: round(cpuMs / texts.length, 3) };
}

function processor(overrides: Record<string, unknown>): LaneProcessor<FaqInput, FaqResult> {
  const { config: tuned } = benchSetup({ faq: overrides });
  return createFaqProcessor({ config: tuned, runtime, logger });
}

async function concurrentThroughput(faq: LaneProcessor<FaqInput, FaqResult>): Promise<number> {
  await faq({ question: 'warm-up question' }, context); // the FAQ's own paraphrases are embedded once, here
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (next < texts.length) await faq({ question: texts[next++] as string }, context);
    }),
  );
  return round((texts.length * 1000) / (performance.now() - started), 1);
}

await embed(['warm-up']);
const lanePath = processor({});
await lanePath({ question: 'warm-up question' }, context);
// Bare call and lane alternate in rounds, so a drift in machine load or in onnxruntime's memory arena hits both alike.
const rounds: { bare: Awaited<ReturnType<typeof perItem>>; lane: Awaited<ReturnType<typeof perItem>> }[] = [];
for (let round = 0; round < size(3, 1); round++) {
  rounds.push({ bare: await perItem((text) => embed([text])), lane: await perItem((text) => lanePath({ question: text }, context)) });
}
const middle = (pick: (r: (typeof rounds)[number]) => { p50Ms: number; perSec: number; cpuMsPerItem: number }) => ({
  p50Ms: median(rounds.map((r) => pick(r).p50Ms)),
  perSec: median(rounds.map((r) => pick(r).perSec)),
  cpuMsPerItem: median(rounds.map((r) => pick(r).cpuMsPerItem)),
});
const single = middle((r) => r.bare);
const throughLane = middle((r) => r.lane);
const batched = await withCpu(async () => {
  for (let i = 0; i < texts.length; i += 16) await embed(texts.slice(i, i + 16));
});
const tokens = embedder.tokenizer(texts.slice(0, 16), { padding: true }).input_ids.dims[1] as number;
report({
  name: 'faq-embed',
  models,
  model: lane.model,
  dtype: lane.dtype,
  sentences: texts.length,
  paddedTokensPerSentence: tokens,
  singlePerSec: single.perSec,
  singleCpuMs: single.cpuMsPerItem,
  batched16PerSec: round((texts.length * 1000) / batched.wallMs, 1),
  batched16CpuMs: round(batched.cpuMs / texts.length, 3),
  floor: null,
  ratio: null,
  reference: { miniLmQ8SinglePerSec: 1071, miniLmQ8Batched16PerSec: 1941, note: 'all-MiniLM-L6 shape (6 layers), not e5-small (12)' },
});

report({
  name: 'faq-lane',
  models,
  questions: texts.length,
  p50Ms: throughLane.p50Ms,
  cpuMsPerQuestion: throughLane.cpuMsPerItem,
  floor: { p50Ms: single.p50Ms, cpuMsPerQuestion: single.cpuMsPerItem },
  ratio: { p50: ratioOf(throughLane.p50Ms, single.p50Ms), cpu: ratioOf(throughLane.cpuMsPerItem, single.cpuMsPerItem) },
  target: { cpuRatioMax: 1.05 },
  note: `includes faq.batchWaitMs=${config.faq.batchWaitMs} ms of waiting for company per question`,
});

const withBatching = await concurrentThroughput(processor({}));
const withoutBatching = await concurrentThroughput(processor({ batchWaitMs: 0, batchMax: 1 }));
report({
  name: 'faq-batching',
  models,
  concurrent: CONCURRENT,
  questions: texts.length,
  batchWaitMs: config.faq.batchWaitMs,
  questionsPerSec: withBatching,
  floor: { questionsPerSecOneByOne: withoutBatching },
  ratio: ratioOf(withBatching, withoutBatching),
  target: { ratioMin: 2 },
});
await runtime.dispose();
