/**
 * Cost of the queue spine itself: enqueue → lane worker (no-op processor) → replies queue → front end,
 * on the configured Redis. Prints p50/p99 latency one job at a time and throughput with 50 in flight.
 *
 *   npx tsx bench/queue-roundtrip.ts [jobs=500]
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config/index.ts';
import { createLogger } from '../src/core/logger.ts';
import { createRedis } from '../src/core/redis.ts';
import { LaneProducer } from '../src/queue/producer.ts';
import { createReplyConsumer } from '../src/queue/replies.ts';
import { WorkerHost } from '../src/queue/worker-host.ts';
import { translateLane } from '../src/lanes/translate/index.ts';

const jobs = Number(process.argv[2] ?? 500);
const config = loadConfig({
  overrides: { redis: { prefix: `bench-${randomUUID().slice(0, 8)}` }, lanes: { translate: { concurrency: 50 } } },
});
const logger = createLogger({ level: 'silent' });
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
  concurrency: 50,
  handler: async (reply) => waiting.get(reply.jobId)?.(),
});
await consumer.waitUntilReady();

async function roundTrip(id: string): Promise<number> {
  const started = performance.now();
  const done = new Promise<void>((resolve) => waiting.set(`translate-${id}`, resolve));
  await producer.enqueue(translateLane, {
    sourceId: id,
    input: { text: 'hi', to: 'ja' },
    context: { origin: 'local', userId: 'bench' },
    reply: { queue: 'replies-bench', target: {} },
  });
  await done;
  return performance.now() - started;
}

const sequential: number[] = [];
for (let i = 0; i < jobs; i++) sequential.push(await roundTrip(`s${i}`));
sequential.sort((a, b) => a - b);
const pick = (q: number) => sequential[Math.min(sequential.length - 1, Math.floor(q * sequential.length))]?.toFixed(2);

const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 50 }, async () => {
    while (next < jobs) await roundTrip(`p${next++}`);
  }),
);
const perSecond = jobs / ((performance.now() - started) / 1000);

console.log(
  JSON.stringify({
    bench: 'queue-roundtrip',
    jobs,
    p50_ms: Number(pick(0.5)),
    p99_ms: Number(pick(0.99)),
    concurrent50_jobs_per_s: Math.round(perSecond),
  }),
);
await consumer.close();
await host.close();
await producer.close();
const cleanup = createRedis(config.redis, 'worker');
const keys = await cleanup.keys(`${config.redis.prefix}:*`);
if (keys.length) await cleanup.del(...keys);
for (const redis of [cleanup, producerRedis, consumerRedis]) redis.disconnect();
