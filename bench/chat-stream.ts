/**
 * Chat through the whole path — enqueue → worker process (`src/worker.ts --lanes generate`) → progress deltas
 * through Redis → final reply — against its floor: the same model called directly in this process (the lane's own
 * provider, same prompt, same token count, greedy so both produce the same tokens). Figures: time to first token,
 * decode tokens/s, whole request. Target: overhead under 5% per token.
 *
 *   npm run bench -- --only chat-stream [--real] [--tokens=128] [--runs=5]
 *
 * On the tiny fixture model a token costs ~1 ms, so its overhead figure is a worst case; with `--real` the lane runs
 * the real-dimension Qwen2.5-0.5B stand-in (`tools/fixtures/real_dims.py`).
 */
import { createLogger } from '../src/core/logger.ts';
import { LocalChatProvider } from '../src/inference/local-chat.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { withSystem } from '../src/lanes/generate/prompt.ts';
import { BenchClient } from './lib/client.ts';
import { median, option, ratioOf, report, round, size } from './lib/report.ts';
import { benchSetup, cleanupRedis } from './lib/setup.ts';
import { startWorker } from './lib/workers.ts';

const tokens = Number(option('tokens', String(size(128, 8))));
const runs = Number(option('runs', String(size(5, 1))));
// Same work on both sides: no FAQ grounding, a token limit the model reaches.
const { config, env, models } = benchSetup({ generate: { maxNewTokens: tokens, grounding: { enabled: false } } });
const logger = createLogger({ level: 'silent' });
const messages = [{ role: 'user' as const, content: 'Tell me a long story about a cat who learns to speak Japanese.' }];

interface Figures {
  ttftMs: number;
  tokensPerSec: number;
  totalMs: number;
  /** CPU of the process running the model, per request: the overhead measure that machine load does not skew. */
  cpuMs: number;
}

const summarise = (all: Figures[]): Figures => ({
  ttftMs: round(median(all.map((f) => f.ttftMs))),
  tokensPerSec: round(median(all.map((f) => f.tokensPerSec))),
  totalMs: round(median(all.map((f) => f.totalMs))),
  cpuMs: round(median(all.map((f) => f.cpuMs))),
});

const decodeRate = (firstAt: number, endAt: number, count: number): number => (Math.max(1, count - 1) * 1000) / (endAt - firstAt);

/** The floor: the lane's provider in this process, no queue. Run 0 loads the model and warms up. */
async function direct(): Promise<{ figures: Figures; promptTokens: number }> {
  const runtime = new ModelRuntime({ models: config.models, logger });
  let first = 0;
  const provider = new LocalChatProvider({
    runtime,
    lane: config.lanes.generate,
    onToken: (count) => void (count === 1 && (first = performance.now())),
  });
  const prompt = withSystem(messages, config.generate.systemPrompt);
  const all: Figures[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const outcome = await provider.stream(
      { messages: prompt, maxNewTokens: tokens, temperature: 0, topP: 1 },
      new AbortController().signal,
      () => undefined,
    );
    const ended = performance.now();
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (run > 0)
      all.push({ ttftMs: first - started, tokensPerSec: decodeRate(first, ended, outcome.newTokens), totalMs: ended - started, cpuMs });
  }
  const promptTokens = await provider.countTokens(prompt);
  await runtime.dispose();
  return { figures: summarise(all), promptTokens };
}

/** The lane: a worker process, the queue, progress deltas and the reply. Run 0 is a warm-up. */
async function wholePath(): Promise<{ figures: Figures; peakRssMb: number; readyMs: number }> {
  const worker = await startWorker(['generate'], env);
  const client = await BenchClient.open(config, ['generate']);
  const all: Figures[] = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const cpuBefore = worker.cpuMs();
      const { reply, ms, firstDeltaMs } = await client.request('generate', { messages });
      const cpuMs = worker.cpuMs() - cpuBefore;
      const newTokens = (reply.outcome.ok && (reply.outcome.result as { newTokens?: number }).newTokens) || tokens;
      const first = firstDeltaMs ?? ms;
      if (run > 0) all.push({ ttftMs: first, tokensPerSec: decodeRate(first, ms, newTokens), totalMs: ms, cpuMs });
    }
  } finally {
    await client.close();
  }
  const peak = worker.peakRssMb();
  await worker.stop();
  return { figures: summarise(all), peakRssMb: peak, readyMs: worker.readyMs };
}

try {
  const viaPath = await wholePath();
  const called = await direct();
  report({
    name: 'chat-stream',
    models,
    model: config.lanes.generate.model,
    tokens,
    runs,
    promptTokens: called.promptTokens,
    ...viaPath.figures,
    workerReadyMs: Math.round(viaPath.readyMs),
    workerPeakRssMb: viaPath.peakRssMb,
    floor: { ...called.figures },
    ratio: {
      ttft: ratioOf(viaPath.figures.ttftMs, called.figures.ttftMs),
      msPerToken: ratioOf(called.figures.tokensPerSec, viaPath.figures.tokensPerSec),
      total: ratioOf(viaPath.figures.totalMs, called.figures.totalMs),
      cpu: ratioOf(viaPath.figures.cpuMs, called.figures.cpuMs),
    },
    target: { cpuRatioMax: 1.05 },
    // The first streamed text waits for a whole word; a random model writes long space-free "words", so its time
    // to first text overstates a real model's (whose words are 1-2 tokens).
    ttftNote: 'path: first streamed text (word-granular); floor: first token',
  });
} finally {
  await cleanupRedis(config);
}
