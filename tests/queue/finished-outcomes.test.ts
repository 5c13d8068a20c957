/**
 * Each finished job is counted once with its outcome (what `/metrics` shows as `kotodama_jobs_total{outcome}`):
 * a job stopped by its member is `cancelled`, one that ran past its lane's timeout is `timeout`, not `failed`.
 * Real Redis and BullMQ, a worker host in this process.
 */
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/core/redis.ts';
import type { FinishedJob } from '../../src/queue/lane-worker.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { WorkerHost } from '../../src/queue/worker-host.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../helpers/env.ts';
import { translateLane } from '../helpers/lanes.ts';

const config = testConfig({ lanes: { [translateLane.name]: { timeoutSec: 2, attempts: 1 } } });
const finished: FinishedJob[] = [];
const host = new WorkerHost({
  config,
  logger: quietLogger,
  onFinished: (event) => finished.push(event),
  lanes: [
    {
      lane: translateLane,
      // Runs until stopped, as a long model call would.
      processor: (_input, context) =>
        new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(new Error('stopped')), { once: true })),
    },
  ],
});
const redis: Redis = createRedis(config.redis, 'producer');
const producer = new LaneProducer(config, redis);

afterAll(async () => {
  await host.close(1_000);
  await producer.close();
  redis.disconnect();
  await cleanupRedis(config);
});

const enqueue = (sourceId: string) =>
  producer.enqueue(translateLane, {
    sourceId,
    input: { text: 'hello', to: 'ja' },
    context: { origin: 'discord', userId: 'u1' },
    reply: { queue: 'replies-outcomes', target: {} },
  });

describe('finished job outcomes', () => {
  it('GIVEN a running job cancelled by its member, and one past its timeout THEN they count as cancelled and timeout', async () => {
    await host.start();
    const { jobId } = await enqueue('cancel-me');
    await waitFor(async () => ((await producer.queue(translateLane.name).getJobState(jobId)) === 'active' ? true : undefined));
    expect(await producer.cancel(translateLane.name, jobId)).toBe('signalled');
    await waitFor(() => finished.length === 1 || undefined, 10_000, 'the cancelled job');
    await enqueue('too-slow');
    await waitFor(() => finished.length === 2 || undefined, 10_000, 'the timed-out job');
    expect(finished.map((event) => event.outcome)).toEqual(['cancelled', 'timeout']);
  }, 30_000);
});
