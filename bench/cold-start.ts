/**
 * Cold start and memory per lane: a worker process for one lane alone (`src/worker.ts --lanes X`, forked as
 * `npm start` forks it), time from fork to ready (models loaded from disk, taking jobs), then one typical job, and
 * the process's peak resident memory. Floor: a bare Node process that only loads the same model with
 * transformers.js. The model files are on disk already (downloads are not timed here).
 *
 *   npm run bench -- --only cold-start [--real] [--lanes=faq,translate,transcribe,generate]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/index.ts';
import type { ModelSpec } from '../src/inference/runtime.ts';
import { laneNamed, type LaneName } from '../src/lanes/index.ts';
import { BenchClient, type LaneInput } from './lib/client.ts';
import { option, ratioOf, report, SMOKE } from './lib/report.ts';
import { benchSetup, cleanupRedis } from './lib/setup.ts';
import { MESSAGE_EN_20_WORDS } from './lib/texts.ts';
import { startWorker } from './lib/workers.ts';

const lanes = option('lanes', SMOKE ? 'faq' : 'faq,translate,transcribe,generate').split(',') as LaneName[];
const { config, env, models } = benchSetup({ generate: { maxNewTokens: 64, grounding: { enabled: false } } });
const voice = readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio/voice-ja.ogg')).toString('base64');

/** One typical job per lane, so the peak memory includes a run, not just the load. */
const typicalJob: { readonly [L in LaneName]: LaneInput<L> } = {
  faq: { question: 'how do I change my nickname on this server?' },
  translate: { text: MESSAGE_EN_20_WORDS, from: 'en', to: 'ja' },
  transcribe: { audio: { kind: 'inline', base64: voice }, language: 'ja' },
  generate: { messages: [{ role: 'user', content: 'Tell me a story about a cat.' }] },
  speak: { text: MESSAGE_EN_20_WORDS, language: 'en' },
  booking: { line: '/book tomorrow at 7pm for 2' },
};

/** The lane's main model (the first it loads). */
function mainModel(lane: LaneName): ModelSpec {
  const spec = laneNamed(lane)?.models(config)[0];
  if (!spec) throw new Error(`lane ${lane} loads no model`);
  return spec;
}

function bareLoad(lane: LaneName): { loadedMs: number; peakRssMb: number } {
  const spec = mainModel(lane);
  const started = performance.now();
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(PROJECT_ROOT, 'bench/lib/load-model.ts'),
      spec.task,
      spec.model,
      spec.dtype,
      config.models.dir,
      String(config.models.threads),
    ],
    { cwd: PROJECT_ROOT, env, encoding: 'utf8' },
  );
  const parsed = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { peakRssMb?: number };
  return { loadedMs: Math.round(performance.now() - started), peakRssMb: parsed.peakRssMb ?? Number.NaN };
}

try {
  for (const lane of lanes) {
    const bare = bareLoad(lane);
    const worker = await startWorker([lane], env);
    const afterLoad = worker.peakRssMb();
    const client = await BenchClient.open(config);
    let jobMs = Number.NaN;
    try {
      jobMs = Math.round((await client.request(lane, typicalJob[lane] as never)).ms);
    } finally {
      await client.close();
    }
    const peak = worker.peakRssMb();
    await worker.stop();
    report({
      name: `cold-start-${lane}`,
      models,
      model: mainModel(lane).model,
      dtype: mainModel(lane).dtype,
      readyMs: Math.round(worker.readyMs),
      firstJobMs: jobMs,
      peakRssAfterLoadMb: afterLoad,
      peakRssMb: peak,
      floor: { bareLoadMs: bare.loadedMs, bareLoadPeakRssMb: bare.peakRssMb },
      ratio: { ready: ratioOf(worker.readyMs, bare.loadedMs), rss: ratioOf(afterLoad, bare.peakRssMb) },
    });
  }
} finally {
  await cleanupRedis(config);
}
