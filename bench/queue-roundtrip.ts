/**
 * Cost of the queue spine: enqueue → lane worker (no-op processor) → replies queue → consumer, through kotodama's
 * code (`LaneProducer`, `WorkerHost`, `ReplyPublisher`, `createReplyConsumer`), against its floor: the same two hops
 * with bare BullMQ (same job options and priority, same connection policy: a fail-fast producer connection, worker
 * connections that retry). Rounds alternate between the two so that a change in machine load hits both alike.
 * Figures: p50/p99 one job at a time, jobs/s with 50 in flight. Targets: p50 ratio ≤ 1.3, throughput ≥ 0.8× floor.
 *
 *   npm run bench -- --only queue-roundtrip [--jobs=500] [--rounds=3]
 */
import { Queue, Worker, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLogger } from '../src/core/logger.ts';
import { createRedis } from '../src/core/redis.ts';
import { translateLane } from '../src/lanes/translate/index.ts';
import { translateRef } from '../src/lanes/translate/ref.ts';
import { LaneProducer } from '../src/queue/producer.ts';
import { createReplyConsumer } from '../src/queue/replies.ts';
import { WorkerHost } from '../src/queue/worker-host.ts';
import { median, option, percentile, ratioOf, report, round, size } from './lib/report.ts';
import { benchSetup, cleanupRedis } from './lib/setup.ts';

const jobs = Number(option('jobs', String(size(500, 20))));
const rounds = Number(option('rounds', String(size(3, 1))));
const IN_FLIGHT = 50;
const { config } = benchSetup({ lanes: { translate: { concurrency: IN_FLIGHT } } });
const logger = createLogger({ level: 'silent' });
const lane = config.lanes.translate;

/** One path under test: send a job, resolve when its reply has been consumed. */
interface Path {
  roundTrip(id: string): Promise<void>;
  close(): Promise<void>;
}

async function kotodamaPath(): Promise<Path> {
  const waiting = new Map<string, () => void>();
  const host = new WorkerHost({
    config,
    lanes: [
      {
        lane: translateLane,
        processor: async (input: { text: string; to: string }) => ({ text: input.text, from: 'en', to: input.to, model: 'none' }),
      },
    ],
    logger,
  });
  await host.start();
  const producerRedis = createRedis(config.redis, 'producer');
  const consumerRedis = createRedis(config.redis, 'worker');
  const producer = new LaneProducer(config, producerRedis);
  const consumer = createReplyConsumer({
    config,
    connection: consumerRedis,
    queueName: 'replies-bench',
    logger,
    concurrency: IN_FLIGHT,
    handler: async (reply) => waiting.get(reply.jobId)?.(),
  });
  await consumer.waitUntilReady();
  return {
    async roundTrip(id) {
      const done = new Promise<void>((resolve) => waiting.set(`translate-${id}`, resolve));
      await producer.enqueue(translateRef, {
        sourceId: id,
        input: { text: 'hi', to: 'ja' },
        context: { origin: 'local', userId: 'bench' },
        reply: { queue: 'replies-bench', target: {} },
      });
      await done;
      waiting.delete(`translate-${id}`);
    },
    async close() {
      await consumer.close();
      await host.close();
      await producer.close();
      for (const redis of [producerRedis, consumerRedis]) redis.disconnect();
    },
  };
}

/** The floor: the same two hops written directly against BullMQ, with kotodama's job options. */
async function barePath(): Promise<Path> {
  const prefix = `${config.redis.prefix}-bare`;
  const waiting = new Map<string, () => void>();
  const options = (jobId: string): JobsOptions => ({
    jobId,
    priority: lane.priority,
    attempts: lane.attempts,
    backoff: { type: 'exponential', delay: config.queue.backoffMs },
    removeOnComplete: { count: config.queue.keepCompleted, age: config.queue.keepCompletedAgeSec },
    removeOnFail: { count: config.queue.keepFailed },
  });
  const connections: Redis[] = [
    createRedis(config.redis, 'producer'),
    createRedis(config.redis, 'worker'),
    createRedis(config.redis, 'worker'),
    createRedis(config.redis, 'worker'),
  ];
  const [producerRedis, workerRedis, publishRedis, consumerRedis] = connections as [Redis, Redis, Redis, Redis];
  const lanes = new Queue('translate', { connection: producerRedis, prefix });
  const replies = new Queue('replies-bench', { connection: publishRedis, prefix });
  const worker = new Worker(
    'translate',
    async (job) => {
      // The reply hop as ReplyPublisher sends it: its own id, 5 attempts, no priority.
      await replies.add(
        'reply',
        { jobId: job.id, result: job.data },
        {
          jobId: `reply-${job.id}`,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { count: config.queue.keepCompleted, age: config.queue.keepCompletedAgeSec },
          removeOnFail: { count: config.queue.keepFailed },
        },
      );
      return job.data;
    },
    { connection: workerRedis, prefix, concurrency: IN_FLIGHT },
  );
  const consumer = new Worker('replies-bench', async (job) => waiting.get(String(job.data.jobId))?.(), {
    connection: consumerRedis,
    prefix,
    concurrency: IN_FLIGHT,
  });
  await Promise.all([worker.waitUntilReady(), consumer.waitUntilReady()]);
  return {
    async roundTrip(id) {
      const jobId = `translate-${id}`;
      const done = new Promise<void>((resolve) => waiting.set(jobId, resolve));
      await lanes.add('translate', { text: 'hi', to: 'ja' }, options(jobId));
      await done;
      waiting.delete(jobId);
    },
    async close() {
      await Promise.allSettled([consumer.close(), worker.close()]);
      await Promise.allSettled([lanes.close(), replies.close()]);
      for (const redis of connections) redis.disconnect();
    },
  };
}

interface Figures {
  p50Ms: number;
  p99Ms: number;
  jobsPerSec: number;
}

async function measure(path: Path, tag: string): Promise<Figures> {
  const latencies: number[] = [];
  for (let i = 0; i < jobs; i++) {
    const started = performance.now();
    await path.roundTrip(`${tag}-s${i}`);
    latencies.push(performance.now() - started);
  }
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < jobs) await path.roundTrip(`${tag}-p${next++}`);
    }),
  );
  const jobsPerSec = jobs / ((performance.now() - started) / 1000);
  return { p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), jobsPerSec };
}

const summarise = (all: Figures[]): Figures => ({
  p50Ms: round(median(all.map((f) => f.p50Ms))),
  p99Ms: round(median(all.map((f) => f.p99Ms))),
  jobsPerSec: Math.round(median(all.map((f) => f.jobsPerSec))),
});

const kotodama = await kotodamaPath();
const bare = await barePath();
const ours: Figures[] = [];
const floors: Figures[] = [];
try {
  await measure(kotodama, 'warm');
  await measure(bare, 'warm');
  for (let r = 0; r < rounds; r++) {
    ours.push(await measure(kotodama, `k${r}`));
    floors.push(await measure(bare, `b${r}`));
  }
} finally {
  await Promise.allSettled([kotodama.close(), bare.close()]);
  await cleanupRedis(config);
  await cleanupRedis({ ...config, redis: { ...config.redis, prefix: `${config.redis.prefix}-bare` } });
}
const figures = summarise(ours);
const floor = summarise(floors);
report({
  name: 'queue-roundtrip',
  jobs,
  rounds,
  inFlight: IN_FLIGHT,
  ...figures,
  floor: { ...floor },
  ratio: {
    p50: ratioOf(figures.p50Ms, floor.p50Ms),
    p99: ratioOf(figures.p99Ms, floor.p99Ms),
    jobsPerSec: ratioOf(figures.jobsPerSec, floor.jobsPerSec),
  },
  target: { p50RatioMax: 1.3, jobsPerSecRatioMin: 0.8 },
});
