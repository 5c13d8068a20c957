/**
 * FAQ jobs through real Redis with the fixture embedding model: per-guild entries taking effect in running workers,
 * embeddings computed once (incremental, persisted), triggers, per-guild thresholds, misses, and micro-batching.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../../src/core/redis.ts';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import { MissLog } from '../../../src/lanes/faq/misses.ts';
import { createFaqProcessor } from '../../../src/lanes/faq/processor.ts';
import { readStatus } from '../../../src/lanes/faq/status.ts';
import { FaqStore } from '../../../src/lanes/faq/store.ts';
import { loadFaqFile } from '../../../src/lanes/faq/faq-file.ts';
import type { ProcessContext } from '../../../src/lanes/process-context.ts';
import type { ReplyEnvelope } from '../../../src/queue/envelope.ts';
import { LaneProducer } from '../../../src/queue/producer.ts';
import { createReplyConsumer } from '../../../src/queue/replies.ts';
import { WorkerHost } from '../../../src/queue/worker-host.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../../helpers/env.ts';
import { faqLane } from '../../helpers/lanes.ts';

const config = testConfig({ faq: { batchWaitMs: 150 } });
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
let redis: Redis;
let store: FaqStore;

/** The real fixture pipeline behind a wrapper that records every forward pass (the texts it was given). */
function countingRuntime() {
  const passes: string[][] = [];
  const wrapped = new WeakMap<object, unknown>();
  const load = (async (spec: Parameters<ModelRuntime['load']>[0]) => {
    const real = (await runtime.load(spec)) as unknown as (texts: string[], options: unknown) => Promise<unknown>;
    if (!wrapped.has(real)) {
      wrapped.set(real, (texts: string[], options: unknown) => {
        passes.push([...texts]);
        return real(texts, options);
      });
    }
    return wrapped.get(real);
  }) as ModelRuntime['load'];
  return { passes, runtime: { load } };
}

const ctx = (guildId?: string, jobId = 'faq-t'): ProcessContext => ({
  jobId,
  context: { origin: 'discord', userId: 'u', ...(guildId ? { guildId } : {}) },
  signal: new AbortController().signal,
  locale: 'en' as const,
  report: () => undefined,
  logger: quietLogger,
});

beforeAll(() => {
  redis = createRedis(config.redis, 'worker');
  store = new FaqStore(redis, config.redis.prefix, () => loadFaqFile(config.faq.file));
});

afterAll(async () => {
  await runtime.dispose();
  await cleanupRedis(config);
  redis.disconnect();
});

describe('per-guild FAQ jobs', () => {
  it('GIVEN an entry added while two workers run THEN both answer from it at once, embedding only its new questions', async () => {
    const guild = '200000000000000001';
    const one = countingRuntime();
    const two = countingRuntime();
    const workerOne = createFaqProcessor({ config, runtime: one.runtime, logger: quietLogger, redis });
    const workerTwo = createFaqProcessor({ config, runtime: two.runtime, logger: quietLogger, redis });
    expect(await workerOne({ question: 'How do I use this bot?' }, ctx(guild))).toMatchObject({
      entryId: 'how-to-use',
      retrieval: 'hybrid',
    });
    await workerTwo({ question: 'How do I use this bot?' }, ctx(guild));
    one.passes.length = 0;
    two.passes.length = 0;

    await store.add(guild, {
      id: 'wifi',
      questions: ['What is the wifi password?', 'wifi password please'],
      answer: 'Ask the staff.',
      triggers: ['=ping'],
    });
    expect(await workerOne({ question: 'what is the wifi password' }, ctx(guild))).toMatchObject({
      kind: 'answer',
      entryId: 'wifi',
      answer: 'Ask the staff.',
    });
    expect(await workerTwo({ question: 'wifi password please' }, ctx(guild))).toMatchObject({ kind: 'answer', entryId: 'wifi' });
    expect(one.passes.flat().sort()).toEqual(['What is the wifi password?', 'what is the wifi password', 'wifi password please']);
    // The second worker found the new questions' vectors in Redis: it embedded its query only.
    expect(two.passes).toEqual([['wifi password please']]);
    expect(await workerTwo({ question: 'ping!' }, ctx(guild))).toMatchObject({ entryId: 'wifi', retrieval: 'trigger', score: 1 });
    expect(await workerTwo({ question: 'How do I use this bot?' }, ctx('200000000000000099'))).toMatchObject({ entryId: 'how-to-use' });
    expect(await readStatus(redis, config.redis.prefix)).toMatchObject({
      mode: 'hybrid',
      reason: 'embedding model tiny-random-bert loaded',
    });
  });

  it('GIVEN a restarted worker THEN it embeds no question the store already has', async () => {
    const restarted = countingRuntime();
    const worker = createFaqProcessor({ config, runtime: restarted.runtime, logger: quietLogger, redis });
    await worker({ question: 'which languages do you support' }, ctx('200000000000000001'));
    expect(restarted.passes).toEqual([['which languages do you support']]);
  });

  it('GIVEN a guild threshold of 1 THEN that guild gets "I don\'t know", the miss is kept, and other guilds still get answers', async () => {
    const strict = '200000000000000002';
    const worker = createFaqProcessor({ config, runtime, logger: quietLogger, redis });
    await store.setThreshold(strict, 1);
    const result = await worker({ question: 'How do I use this bot?' }, ctx(strict, 'faq-strict'));
    expect(result.kind === 'unknown' && result.suggestions[0]?.id).toBe('how-to-use');
    expect(await worker({ question: 'How do I use this bot?' }, ctx('200000000000000003'))).toMatchObject({ kind: 'answer' });
    const misses = new MissLog(redis, config.redis.prefix, 3600);
    expect(await misses.groups(strict)).toMatchObject([{ question: 'How do I use this bot?', count: 1, entryId: 'how-to-use' }]);
    expect(await misses.answered('faq-strict')).toEqual({ guildId: strict, question: 'How do I use this bot?' });
  });
});

describe('micro-batching', () => {
  it('GIVEN 4 FAQ jobs queued at once for one worker THEN their queries go through one forward pass', async () => {
    const counting = countingRuntime();
    const host = new WorkerHost({
      config,
      lanes: [{ lane: faqLane, processor: createFaqProcessor({ config, runtime: counting.runtime, logger: quietLogger, redis }) }],
      logger: quietLogger,
    });
    const producerRedis = createRedis(config.redis, 'producer');
    const producer = new LaneProducer(config, producerRedis);
    const replies: ReplyEnvelope[] = [];
    const consumer = createReplyConsumer({
      config,
      connection: createRedis(config.redis, 'worker'),
      queueName: 'replies-faq',
      logger: quietLogger,
      handler: async (r) => void replies.push(r),
    });
    try {
      await host.start();
      const ask = (id: string, question: string) =>
        producer.enqueue(faqLane, {
          sourceId: id,
          input: { question },
          context: { origin: 'discord', userId: 'u', guildId: '200000000000000004' },
          reply: { queue: 'replies-faq', target: {} },
        });
      await ask('warm', 'hello');
      await waitFor(() => replies.length === 1 || undefined, 30_000, 'warm-up reply');
      counting.passes.length = 0;
      const questions = ['what can this bot do', 'do you store my messages', 'can you translate japanese', '翻訳できますか'];
      await Promise.all(questions.map((q, i) => ask(`batch-${i}`, q)));
      await waitFor(() => replies.length === 5 || undefined, 30_000, 'four replies');
      expect(replies.every((reply) => reply.outcome.ok)).toBe(true);
      expect(counting.passes).toHaveLength(1);
      expect([...(counting.passes[0] ?? [])].sort()).toEqual([...questions].sort());
    } finally {
      await host.close(1_000);
      await consumer.close();
      await producer.close();
      producerRedis.disconnect();
    }
  });
});
