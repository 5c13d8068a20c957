/**
 * Do lanes wait on each other? FAQ round trips (enqueue → worker → reply) while a long transcription and a long
 * chat generation run, against FAQ round trips on the same idle workers, in two layouts:
 *
 * - `isolation-separate`: one worker process per lane (faq | transcribe | generate), as `npm start` should run them;
 * - `isolation-one-process`: all three lanes in ONE worker process, as `npm start` forked them so far.
 *
 * onnxruntime blocks its process's event loop for a whole run, so in one process an FAQ question (milliseconds of
 * work) waits behind a Whisper window or a chat prefill (seconds). CPU is shared either way; the event loop must not
 * be. Target: busy p50 within 2× idle. Each worker's peak memory (VmHWM) is reported too.
 *
 *   npm run bench -- --only isolation [--real] [--questions=60] [--threads=1]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { createRedis } from '../src/core/redis.ts';
import type { LaneName } from '../src/lanes/index.ts';
import { BenchClient } from './lib/client.ts';
import { option, percentile, ratioOf, report, round, size } from './lib/report.ts';
import { benchSetup, cleanupRedis } from './lib/setup.ts';
import { questions } from './lib/texts.ts';
import { startWorker, type BenchWorker } from './lib/workers.ts';

const count = Number(option('questions', String(size(60, 3))));
const GAP_MS = 100; // between questions: samples spread over the background jobs' whole run
const audio = readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio/long-2min.ogg')).toString('base64');
const setup = benchSetup({
  models: { threads: Number(option('threads', '1')) },
  generate: { maxNewTokens: size(256, 16), grounding: { enabled: false } },
});
const { config, env, models } = setup;

/** FAQ round trips one after another: p50 and p99 in ms. */
async function faqLatency(client: BenchClient, tag: string): Promise<{ p50Ms: number; p99Ms: number }> {
  const times: number[] = [];
  for (const question of questions(count)) {
    times.push((await client.request('faq', { question: `${question} ${tag}` })).ms);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  return { p50Ms: round(percentile(times, 0.5)), p99Ms: round(percentile(times, 0.99)) };
}

/** Keeps one transcription and one chat generation running until `stop()`; resolves once both have started. */
async function backgroundLoad(client: BenchClient): Promise<{ stop: () => Promise<number> }> {
  let running = true;
  let finished = 0;
  const loop = async (run: () => Promise<unknown>) => {
    while (running) {
      await run();
      finished += 1;
    }
  };
  const loops = [
    loop(() => client.request('transcribe', { audio: { kind: 'inline', base64: audio }, language: 'en' })),
    loop(() => client.request('generate', { messages: [{ role: 'user', content: 'Tell me a long story about a cat.' }] })),
  ];
  const redis = createRedis(config.redis, 'worker');
  const queues = (['transcribe', 'generate'] as const).map((name) => new Queue(name, { connection: redis, prefix: config.redis.prefix }));
  for (;;) {
    const active = await Promise.all(queues.map((queue) => queue.getActiveCount()));
    if (active.every((n) => n > 0) || finished > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(queues.map((queue) => queue.close()));
  redis.disconnect();
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return finished;
    },
  };
}

async function layout(name: string, groups: readonly (readonly LaneName[])[]): Promise<void> {
  const workers: BenchWorker[] = [];
  for (const lanes of groups) workers.push(await startWorker(lanes, env));
  const client = await BenchClient.open(config);
  try {
    await client.request('faq', { question: 'warm-up' });
    const idle = await faqLatency(client, 'idle');
    const load = await backgroundLoad(client);
    const busy = await faqLatency(client, 'busy');
    const backgroundJobs = await load.stop();
    report({
      name,
      models,
      threadsPerProcess: config.models.threads,
      processes: groups.map((lanes) => lanes.join('+')),
      questions: count,
      ...busy,
      backgroundJobsFinished: backgroundJobs,
      floor: { ...idle },
      ratio: { p50: ratioOf(busy.p50Ms, idle.p50Ms), p99: ratioOf(busy.p99Ms, idle.p99Ms) },
      target: { p50RatioMax: 2 },
      workers: workers.map((worker) => ({
        lanes: worker.lanes.join('+'),
        readyMs: Math.round(worker.readyMs),
        peakRssMb: worker.peakRssMb(),
      })),
    });
  } finally {
    await client.close();
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

try {
  await layout('isolation-separate', [['faq'], ['transcribe'], ['generate']]);
  await layout('isolation-one-process', [['faq', 'transcribe', 'generate']]);
} finally {
  await cleanupRedis(config);
}
