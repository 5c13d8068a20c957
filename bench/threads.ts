/**
 * Intra-op threads and spinning, per model: onnxruntime's worker threads spin while waiting for work, which burns a
 * core another process (another lane) could use. For 1 and 2 threads, spinning on (onnxruntime's default) and off,
 * the FAQ embedder (one sentence, and batches of 16) and the chat model's decode step: wall and CPU time per item.
 * Floor: 1 thread, spinning on. Decides `models.threads` and whether to turn spinning off when processes share cores.
 *
 *   npm run bench -- --only threads [--real] [--items=40]
 */
import { env, pipeline, type PretrainedModelOptions } from '@huggingface/transformers';
import { median, option, ratioOf, report, round, size, withCpu } from './lib/report.ts';
import { benchSetup } from './lib/setup.ts';
import { questions } from './lib/texts.ts';

const items = Number(option('items', String(size(40, 3))));
const { config, models } = benchSetup();
env.allowRemoteModels = false;
env.localModelPath = `${config.models.dir}/`;
const VARIANTS = [
  { threads: 1, spinning: true },
  { threads: 1, spinning: false },
  { threads: 2, spinning: true },
  { threads: 2, spinning: false },
] as const;

const sessionOptions = (threads: number, spinning: boolean) =>
  ({
    dtype: config.lanes.faq.dtype,
    session_options: {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      extra: { session: { intra_op: { allow_spinning: spinning ? '1' : '0' } } },
    },
  }) as PretrainedModelOptions;

interface PerItem {
  wallMs: number;
  cpuMs: number;
}

async function perItem(count: number, run: () => Promise<unknown>): Promise<PerItem> {
  await run();
  const all: PerItem[] = [];
  for (let i = 0; i < 3; i++) {
    const { wallMs, cpuMs } = await withCpu(async () => {
      for (let n = 0; n < count; n++) await run();
    });
    all.push({ wallMs: wallMs / count, cpuMs: cpuMs / count });
  }
  return { wallMs: round(median(all.map((r) => r.wallMs)), 2), cpuMs: round(median(all.map((r) => r.cpuMs)), 2) };
}

async function embedder(threads: number, spinning: boolean): Promise<Record<string, PerItem>> {
  const fe = await pipeline('feature-extraction', config.lanes.faq.model, sessionOptions(threads, spinning));
  const texts = questions(16);
  let next = 0;
  const single = await perItem(items, () => fe(texts[next++ % 16] as string, { pooling: 'mean', normalize: true }));
  const batch = await perItem(Math.max(1, Math.round(items / 16)), () => fe(texts, { pooling: 'mean', normalize: true }));
  await fe.dispose();
  return { single, perSentenceInBatch16: { wallMs: round(batch.wallMs / 16), cpuMs: round(batch.cpuMs / 16) } };
}

async function decoder(threads: number, spinning: boolean): Promise<Record<string, PerItem>> {
  const generate = await pipeline('text-generation', config.lanes.generate.model, {
    ...sessionOptions(threads, spinning),
    dtype: config.lanes.generate.dtype,
  });
  const tokens = size(32, 4);
  const run = await perItem(1, () => generate('Tell me a story about a cat.', { max_new_tokens: tokens, do_sample: false }));
  await generate.dispose();
  return { token: { wallMs: round(run.wallMs / tokens), cpuMs: round(run.cpuMs / tokens) } };
}

for (const [name, measure] of [
  ['threads-embed', embedder],
  ['threads-decode', decoder],
] as const) {
  const results: Record<string, Record<string, PerItem>> = {};
  for (const { threads, spinning } of VARIANTS) results[`t${threads}-${spinning ? 'spin' : 'nospin'}`] = await measure(threads, spinning);
  const base = results['t1-spin'] as Record<string, PerItem>;
  const flat = (r: Record<string, PerItem>) =>
    Object.fromEntries(
      Object.entries(r).flatMap(([k, v]) => [
        [`${k}WallMs`, v.wallMs],
        [`${k}CpuMs`, v.cpuMs],
      ]),
    );
  report({
    name,
    models,
    model: name === 'threads-embed' ? config.lanes.faq.model : config.lanes.generate.model,
    ...Object.fromEntries(Object.entries(results).map(([variant, r]) => [variant, flat(r)])),
    floor: flat(base),
    ratio: Object.fromEntries(
      Object.entries(results).flatMap(([variant, r]) =>
        Object.entries(r).map(([k, v]) => [`${variant}-${k}Wall`, ratioOf(v.wallMs, (base[k] as PerItem).wallMs)]),
      ),
    ),
  });
}
