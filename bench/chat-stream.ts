/**
 * Chat streaming through the whole path — enqueue → worker process (`src/worker.ts --lanes generate`) →
 * progress deltas through Redis → final reply — against the same model called directly in this process.
 * Prints time to first token, tokens/s and the path's overhead per token (target: under 5%).
 *
 *   npx tsx bench/chat-stream.ts [tokens=400] [runs=5]
 *
 * Uses the configured profile (KOTODAMA_PROFILE; `fixtures` when unset, so it runs offline). On the tiny fixture
 * model a token costs ~1 ms, so its overhead figure is a worst case: a real model's tokens take 20-50 ms each.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { stringify } from 'yaml';
import { loadConfig, PROJECT_ROOT } from '../src/config/index.ts';
import { createLogger } from '../src/core/logger.ts';
import { createRedis } from '../src/core/redis.ts';
import { LocalChatProvider } from '../src/inference/local-chat.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { withSystem } from '../src/lanes/generate/prompt.ts';
import type { LaneProgress } from '../src/lanes/process-context.ts';
import type { ReplyEnvelope } from '../src/queue/envelope.ts';
import { LaneProducer } from '../src/queue/producer.ts';
import { createReplyConsumer } from '../src/queue/replies.ts';
import { generateLane } from '../src/lanes/generate/index.ts';

const tokens = Number(process.argv[2] ?? 400);
const runs = Number(process.argv[3] ?? 5);
const profile = process.env.KOTODAMA_PROFILE ?? 'fixtures';
const prefix = `bench-${randomUUID().slice(0, 8)}`;
// Same work on both sides: no FAQ grounding, a token limit the model reaches (greedy, so identical outputs).
const overrides = { redis: { prefix }, generate: { maxNewTokens: tokens, grounding: { enabled: false } } };
const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'kotodama-bench-')), 'config.yaml');
writeFileSync(configFile, stringify(overrides));
const config = loadConfig({ env: { ...process.env, KOTODAMA_PROFILE: profile, KOTODAMA_CONFIG: configFile } });
const logger = createLogger({ level: 'silent' });
const messages = [{ role: 'user' as const, content: 'Tell me a long story about a cat who learns to speak Japanese.' }];

interface Figures {
  ttftMs: number;
  tokensPerSec: number;
  msPerToken: number;
  totalMs: number;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const summarise = (all: Figures[]): Figures => ({
  ttftMs: median(all.map((f) => f.ttftMs)),
  tokensPerSec: median(all.map((f) => f.tokensPerSec)),
  msPerToken: median(all.map((f) => f.msPerToken)),
  totalMs: median(all.map((f) => f.totalMs)),
});

async function direct(): Promise<Figures> {
  const runtime = new ModelRuntime({ models: config.models, logger });
  let first = 0;
  const provider = new LocalChatProvider({
    runtime,
    lane: config.lanes.generate,
    onToken: (count) => void (count === 1 && (first = performance.now())),
  });
  const all: Figures[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const outcome = await provider.stream(
      { messages: withSystem(messages, config.generate.systemPrompt), maxNewTokens: tokens, temperature: 0, topP: 1 },
      new AbortController().signal,
      () => undefined,
    );
    const ended = performance.now();
    const msPerToken = (ended - first) / Math.max(1, outcome.newTokens - 1);
    if (run > 0) all.push({ ttftMs: first - started, tokensPerSec: 1000 / msPerToken, msPerToken, totalMs: ended - started });
  }
  await runtime.dispose();
  return summarise(all);
}

async function wholePath(): Promise<Figures> {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts', '--lanes', 'generate'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, KOTODAMA_PROFILE: profile, KOTODAMA_CONFIG: configFile, KOTODAMA_REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const connections = [createRedis(config.redis, 'producer'), createRedis(config.redis, 'worker'), createRedis(config.redis, 'worker')];
  const [producerRedis, consumerRedis, eventsRedis] = connections as [
    (typeof connections)[0],
    (typeof connections)[0],
    (typeof connections)[0],
  ];
  const producer = new LaneProducer(config, producerRedis);
  const firstDelta = new Map<string, number>();
  const finished = new Map<string, (reply: ReplyEnvelope) => void>();
  const events = new QueueEvents('generate', { connection: eventsRedis, prefix });
  events.on(
    'progress',
    ({ jobId, data }) => void ((data as LaneProgress).delta && !firstDelta.has(jobId) && firstDelta.set(jobId, performance.now())),
  );
  const consumer = createReplyConsumer({
    config,
    connection: consumerRedis,
    queueName: 'replies-bench',
    logger,
    handler: async (reply) => finished.get(reply.jobId)?.(reply),
  });
  await Promise.all([events.waitUntilReady(), consumer.waitUntilReady()]);
  const all: Figures[] = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const sourceId = `bench-${run}`;
      const jobId = `generate-${sourceId}`;
      const done = new Promise<ReplyEnvelope>((resolve) => finished.set(jobId, resolve));
      const started = performance.now();
      await producer.enqueue(generateLane, {
        sourceId,
        input: { messages },
        context: { origin: 'local', userId: 'bench' },
        reply: { queue: 'replies-bench', target: {} },
      });
      const reply = await done;
      const ended = performance.now();
      if (!reply.outcome.ok) throw new Error(reply.outcome.error.message.en);
      const newTokens = (reply.outcome.result as { newTokens: number }).newTokens;
      const first = firstDelta.get(jobId) ?? ended;
      const msPerToken = (ended - first) / Math.max(1, newTokens - 1);
      // Run 0 waits for the worker to start and load the model: a warm-up, not a figure.
      if (run > 0) all.push({ ttftMs: first - started, tokensPerSec: 1000 / msPerToken, msPerToken, totalMs: ended - started });
    }
  } finally {
    worker.kill('SIGTERM');
    await Promise.allSettled([consumer.close(), events.close(), producer.close()]);
    for (const redis of connections) redis.disconnect();
    await new Promise((resolve) => worker.once('exit', resolve));
  }
  return summarise(all);
}

const viaPath = await wholePath();
const called = await direct();
const round = (value: number) => Math.round(value * 100) / 100;
console.log(
  JSON.stringify({
    model: config.lanes.generate.model,
    tokens,
    runs,
    direct: { ttftMs: round(called.ttftMs), tokensPerSec: round(called.tokensPerSec), totalMs: round(called.totalMs) },
    path: { ttftMs: round(viaPath.ttftMs), tokensPerSec: round(viaPath.tokensPerSec), totalMs: round(viaPath.totalMs) },
    // Streaming cost per token (decode rate after the first token), and the whole request's extra time per token.
    overheadPerTokenPct: round(((viaPath.msPerToken - called.msPerToken) / called.msPerToken) * 100),
    wholeRequestOverheadPerTokenPct: round(((viaPath.totalMs - called.totalMs) / tokens / called.msPerToken) * 100),
    targetPct: 5,
  }),
);
const redis = createRedis(config.redis, 'worker');
for (const pattern of [`${prefix}:*`]) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
redis.disconnect();
