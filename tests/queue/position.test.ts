/**
 * Queue positions from BullMQ's own Redis structures (real Redis, real BullMQ): rank lookups must agree with the
 * order BullMQ will start the jobs in, count running jobs apart, and follow jobs as they start and finish.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { laneQueuePositions, PositionBoard, positionKeys, type PositionKeys } from '../../src/queue/position.ts';
import { cleanupRedis, testConfig, waitFor } from '../helpers/env.ts';

let config: Config;
let redis: Redis;
let queue: Queue;
let keys: PositionKeys;
let counter = 0;
const workers: Worker[] = [];
const connections: Redis[] = [];

function workerConnection(): Redis {
  const connection = createRedis(config.redis, 'worker');
  connections.push(connection);
  return connection;
}

beforeAll(async () => {
  config = testConfig();
  redis = createRedis(config.redis, 'worker');
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close(true)));
  await queue?.obliterate({ force: true });
  await queue?.close();
  for (const connection of connections.splice(0)) connection.disconnect();
});

afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
});

/** A fresh queue per test, and the keys positions are read from. */
async function freshQueue(): Promise<PositionKeys> {
  queue = new Queue(`lane-${++counter}`, { connection: redis, prefix: config.redis.prefix });
  return positionKeys(queue);
}

/** A worker that holds each job until released, so "running" is a state the test controls. */
async function holdingWorker(): Promise<{ started: Job[]; release: () => void }> {
  const started: Job[] = [];
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const worker = new Worker(
    queue.name,
    async (job) => {
      started.push(job);
      await gate;
    },
    { connection: workerConnection(), prefix: config.redis.prefix, concurrency: 1 },
  );
  workers.push(worker);
  await worker.waitUntilReady();
  return { started, release };
}

describe('laneQueuePositions', () => {
  it('GIVEN prioritized jobs added out of priority order THEN ahead is each job’s index in BullMQ’s own start order', async () => {
    keys = await freshQueue();
    for (let i = 0; i < 5; i++) await queue.add('job', {}, { jobId: `low-${i}`, priority: 4 });
    for (let i = 0; i < 3; i++) await queue.add('job', {}, { jobId: `high-${i}`, priority: 1 });
    const order = (await queue.getJobs(['prioritized'], 0, -1, true)).map((job) => job.id as string);
    expect(order).toEqual(['high-0', 'high-1', 'high-2', 'low-0', 'low-1', 'low-2', 'low-3', 'low-4']);

    const positions = await laneQueuePositions(redis, keys, [...order].reverse());
    expect(order.map((id) => positions.get(id))).toEqual(order.map((_, ahead) => ({ state: 'waiting', ahead, running: 0 })));
  });

  it('GIVEN a job running on a worker THEN it is reported running and the others count only the jobs waiting ahead', async () => {
    keys = await freshQueue();
    const { started, release } = await holdingWorker();
    for (let i = 0; i < 3; i++) await queue.add('job', {}, { jobId: `job-${i}`, priority: 2 });
    await waitFor(() => started.length === 1 || undefined, 10_000, 'the first job to start');

    const positions = await laneQueuePositions(redis, keys, ['job-0', 'job-1', 'job-2']);
    expect(Object.fromEntries(positions)).toEqual({
      'job-0': { state: 'running', ahead: 0, running: 1 },
      'job-1': { state: 'waiting', ahead: 0, running: 1 },
      'job-2': { state: 'waiting', ahead: 1, running: 1 },
    });
    release();
  });

  it('GIVEN jobs without a priority THEN they are ahead of every prioritized job, oldest first', async () => {
    keys = await freshQueue();
    await queue.add('job', {}, { jobId: 'prio', priority: 1 });
    await queue.add('job', {}, { jobId: 'plain-0' });
    await queue.add('job', {}, { jobId: 'plain-1' });

    const positions = await laneQueuePositions(redis, keys, ['prio', 'plain-0', 'plain-1']);
    expect([positions.get('plain-0')?.ahead, positions.get('plain-1')?.ahead, positions.get('prio')?.ahead]).toEqual([0, 1, 2]);
  });

  it('GIVEN a delayed retry, a finished job and an unknown id THEN they are delayed, gone and gone', async () => {
    keys = await freshQueue();
    await queue.add('job', {}, { jobId: 'later', priority: 1, delay: 60_000 });
    await queue.add('job', {}, { jobId: 'done', priority: 1, removeOnComplete: false });
    workers.push(new Worker(queue.name, async () => 'ok', { connection: workerConnection(), prefix: config.redis.prefix }));
    await waitFor(async () => (await queue.getJob('done'))?.finishedOn, 10_000, 'the job to finish');

    const positions = await laneQueuePositions(redis, keys, ['later', 'done', 'nobody']);
    expect([positions.get('later')?.state, positions.get('done')?.state, positions.get('nobody')?.state]).toEqual([
      'delayed',
      'gone',
      'gone',
    ]);
  });
});

describe('PositionBoard', () => {
  it('GIVEN tracked jobs THEN one refresh answers all of them, and a finished job is dropped after it is seen gone', async () => {
    keys = await freshQueue();
    const board = new PositionBoard<'faq'>(async () => ({ redis, keys }));
    for (let i = 0; i < 3; i++) {
      await queue.add('job', {}, { jobId: `q-${i}`, priority: 1 });
      board.track('faq', `q-${i}`);
    }
    await board.refresh();
    expect([0, 1, 2].map((i) => board.get(`q-${i}`)?.ahead)).toEqual([0, 1, 2]);

    await queue.remove('q-0');
    await board.refresh();
    expect(board.get('q-0')?.state).toBe('gone');
    expect(board.get('q-2')).toEqual({ state: 'waiting', ahead: 1, running: 0 });
    await board.refresh();
    expect(board.get('q-0')).toBeUndefined();
  });
});
