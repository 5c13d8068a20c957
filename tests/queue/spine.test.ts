/**
 * The queue spine through real Redis and BullMQ: producer → lane worker → replies queue, with the real
 * processors on the fixture models, plus dedup, validation, cancellation, chaining and hand-back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type Config } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { ModelRuntime } from '../../src/inference/runtime.ts';
import type { LaneProgress } from '../../src/lanes/process-context.ts';
import type { JobContext, ReplyEnvelope } from '../../src/queue/envelope.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { createReplyConsumer } from '../../src/queue/replies.ts';
import { WorkerHost, type ServedLane } from '../../src/queue/worker-host.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../helpers/env.ts';
import { faqLane, generateLane, realLanes, transcribeLane, translateLane } from '../helpers/lanes.ts';

const context: JobContext = { origin: 'local', userId: 'tester' };
const voice = readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio/voice-en.ogg')).toString('base64');

let config: Config;
let producerRedis: Redis;
let consumerRedis: Redis;
let producer: LaneProducer;
let consumer: Worker;
let runtime: ModelRuntime;
const replies: ReplyEnvelope[] = [];
const hosts: WorkerHost[] = [];

function route(name = 'replies-test') {
  return { queue: name, target: { test: true } };
}

async function startHost(lanes: readonly ServedLane[]) {
  const host = new WorkerHost({ config, lanes, logger: quietLogger });
  await host.start();
  hosts.push(host);
  return host;
}

const replyFor = (jobId: string) => waitFor(() => replies.find((reply) => reply.jobId === jobId), 30_000, `reply to ${jobId}`);

beforeAll(async () => {
  config = testConfig({ lanes: { generate: { timeoutSec: 30 } } });
  producerRedis = createRedis(config.redis, 'producer');
  consumerRedis = createRedis(config.redis, 'worker');
  producer = new LaneProducer(config, producerRedis);
  runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
  consumer = createReplyConsumer({
    config,
    connection: consumerRedis,
    queueName: 'replies-test',
    logger: quietLogger,
    handler: async (reply) => void replies.push(reply),
  });
  await consumer.waitUntilReady();
});

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close(1_000)));
});

afterAll(async () => {
  await consumer.close();
  await producer.close();
  await runtime.dispose();
  producerRedis.disconnect();
  consumerRedis.disconnect();
  await cleanupRedis(config);
});

describe('queue spine on the fixture models', () => {
  it('GIVEN one job per lane THEN each comes back on the replies queue with a result its schema accepts', async () => {
    await startHost(await realLanes({ config, runtime, redis: producerRedis }));
    const jobs = await Promise.all([
      producer.enqueue(faqLane, { sourceId: 'all-1', input: { question: 'how do I use this bot?' }, context, reply: route() }),
      producer.enqueue(translateLane, { sourceId: 'all-2', input: { text: 'good morning', to: 'ja' }, context, reply: route() }),
      producer.enqueue(generateLane, {
        sourceId: 'all-3',
        input: { messages: [{ role: 'user', content: 'hello' }] },
        context,
        reply: route(),
      }),
      producer.enqueue(transcribeLane, {
        sourceId: 'all-4',
        input: { audio: { kind: 'inline', base64: voice }, language: 'en' },
        context,
        reply: route(),
      }),
    ]);
    for (const job of jobs) {
      const reply = await replyFor(job.jobId);
      expect(reply.lane).toBe(job.lane);
      expect(reply.outcome.ok, JSON.stringify(reply.outcome)).toBe(true);
      const lane = [faqLane, translateLane, generateLane, transcribeLane].find((candidate) => candidate.name === job.lane);
      if (reply.outcome.ok) expect(lane?.result.safeParse(reply.outcome.result).success).toBe(true);
      expect(reply.target).toEqual({ test: true });
    }
    const faq = replies.find((reply) => reply.jobId === 'faq-all-1');
    expect(faq?.outcome.ok && (faq.outcome.result as { kind: string; entryId?: string }).entryId).toBe('how-to-use');
  });

  it('GIVEN the same source enqueued twice THEN the lane runs once and replies once', async () => {
    let runs = 0;
    await startHost([
      {
        lane: translateLane,
        processor: async (input: { text: string; to: string }) => {
          runs += 1;
          await new Promise((resolve) => setTimeout(resolve, 100));
          return { text: input.text.toUpperCase(), from: 'en', to: input.to, model: 'test' };
        },
      },
    ]);
    const request = { sourceId: 'dup-1', input: { text: 'hi', to: 'ja' }, context, reply: route() };
    const [first, second] = await Promise.all([producer.enqueue(translateLane, request), producer.enqueue(translateLane, request)]);
    expect(first.jobId).toBe(second.jobId);
    await replyFor(first.jobId);
    // Enqueued again while the finished job is kept: BullMQ keeps the one job, so nothing new waits or runs.
    await producer.enqueue(translateLane, request);
    expect(await producer.queue('translate').getJobCounts('waiting', 'prioritized', 'active')).toEqual({
      waiting: 0,
      prioritized: 0,
      active: 0,
    });
    expect(runs).toBe(1);
    expect(replies.filter((reply) => reply.jobId === first.jobId)).toHaveLength(1);
  });

  it('GIVEN an invalid payload that bypassed the producer THEN the job fails at once with the reason and the user is told', async () => {
    await startHost([{ lane: faqLane, processor: async () => ({ kind: 'unknown', suggestions: [], retrieval: 'lexical', asked: '' }) }]);
    await expect(producer.enqueue(faqLane, { sourceId: 'x', input: { question: '' }, context, reply: route() })).rejects.toThrow(
      /question is empty/u,
    );
    const queue = new Queue(faqLane.queue, { connection: producerRedis, prefix: config.redis.prefix });
    await queue.add('faq', { sourceId: 'bad-1', input: { question: 42 }, context, reply: route() }, { jobId: 'faq-bad-1', attempts: 3 });
    const reply = await replyFor('faq-bad-1');
    expect(reply.outcome.ok).toBe(false);
    if (!reply.outcome.ok) expect(reply.outcome.error.code).toBe('bad_request');
    const job = await waitFor(async () => ((await queue.getJob('faq-bad-1'))?.failedReason ? queue.getJob('faq-bad-1') : undefined));
    expect(job?.failedReason).toMatch(/question/u);
    expect(job?.attemptsMade).toBe(1);
    await queue.close();
  });

  it('GIVEN a running generation WHEN it is cancelled THEN it stops and replies with what was written', async () => {
    const deltas: string[] = [];
    await startHost([
      {
        lane: generateLane,
        processor: async (_input, { signal, report }) => {
          let text = '';
          while (!signal.aborted) {
            text += 'x';
            report({ delta: 'x' } satisfies LaneProgress);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          deltas.push(text);
          return { text, finishReason: 'cancelled', newTokens: text.length };
        },
      },
    ]);
    const { jobId } = await producer.enqueue(generateLane, {
      sourceId: 'cancel-1',
      input: { messages: [{ role: 'user', content: 'go' }] },
      context,
      reply: route(),
    });
    await waitFor(async () => ((await producer.queue('generate').getJob(jobId))?.progress ? true : undefined));
    expect(await producer.cancel('generate', jobId)).toBe('signalled');
    const reply = await replyFor(jobId);
    expect(reply.outcome.ok && (reply.outcome.result as { finishReason: string }).finishReason).toBe('cancelled');
    expect(deltas[0]?.length).toBeGreaterThan(0);
  });

  it('GIVEN a waiting job WHEN it is cancelled THEN it is removed and never runs', async () => {
    const { jobId } = await producer.enqueue(translateLane, {
      sourceId: 'cancel-2',
      input: { text: 'hi', to: 'ja' },
      context,
      reply: route(),
    });
    expect(await producer.queue('translate').getJobState(jobId)).toBe('prioritized');
    expect(await producer.cancel('translate', jobId)).toBe('removed');
    expect(await producer.queue('translate').getJob(jobId)).toBeUndefined();
  });

  it('GIVEN a transcription with a follow-up THEN the transcript goes on to the FAQ lane as its own job', async () => {
    await startHost([
      { lane: transcribeLane, processor: async () => ({ text: 'how do I use this bot?', language: 'en', durationSec: 2 }) },
      {
        lane: faqLane,
        processor: async (input: { question: string }) => ({
          kind: 'answer',
          entryId: 'e',
          question: input.question,
          answer: `answer to ${input.question}`,
          score: 1,
          retrieval: 'lexical',
        }),
      },
    ]);
    const { jobId } = await producer.enqueue(transcribeLane, {
      sourceId: 'chain-1',
      input: { audio: { kind: 'inline', base64: voice } },
      context,
      reply: route(),
      then: [{ lane: 'faq' }],
    });
    expect((await replyFor(jobId)).next).toBe('faq');
    const answer = await replyFor('faq-chain-1');
    expect(answer.outcome.ok && (answer.outcome.result as { answer: string }).answer).toBe('answer to how do I use this bot?');
  });

  it('GIVEN a worker that shuts down mid-job THEN another worker picks the job up and it replies once', async () => {
    let started = false;
    const slow = await startHost([
      {
        lane: translateLane,
        processor: async (_input, { signal }) => {
          started = true;
          await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
          return { text: 'from the worker that stopped', from: 'en', to: 'ja', model: 'slow' };
        },
      },
    ]);
    const { jobId } = await producer.enqueue(translateLane, {
      sourceId: 'handback-1',
      input: { text: 'hi', to: 'ja' },
      context,
      reply: route(),
    });
    await waitFor(() => started || undefined);
    await slow.close(200);
    hosts.splice(hosts.indexOf(slow), 1);
    await startHost([
      { lane: translateLane, processor: async () => ({ text: 'from the second worker', from: 'en', to: 'ja', model: 'fast' }) },
    ]);
    const reply = await replyFor(jobId);
    expect(reply.outcome.ok && (reply.outcome.result as { text: string }).text).toBe('from the second worker');
    const job = await producer.queue('translate').getJob(jobId);
    // One attempt in all: the hand-back did not use one up.
    expect(job?.attemptsMade).toBe(1);
    expect(replies.filter((r) => r.jobId === jobId)).toHaveLength(1);
  });
});
