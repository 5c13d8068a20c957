/**
 * Run as a child process by redis-auth.test.ts (so that NODE_EXTRA_CA_CERTS, read only at start-up, applies):
 * loads the config from the environment like the app does, then uses Redis the way the app does — the
 * reachability check, a producer PING, and a BullMQ job through a worker — and prints one JSON line.
 */
import { once } from 'node:events';
import { Queue, Worker } from 'bullmq';
import { loadConfig } from '../../src/config/index.ts';
import { assertRedisReachable, createRedis } from '../../src/core/redis.ts';

const config = loadConfig();
try {
  await assertRedisReachable(config.redis);
  const producer = createRedis(config.redis, 'producer');
  const connection = createRedis(config.redis, 'worker');
  await once(producer, 'ready');
  const pong = await producer.ping();
  const queue = new Queue('faq', { connection, prefix: config.redis.prefix });
  const worker = new Worker('faq', async (job) => `echo ${String(job.data.text)}`, { connection, prefix: config.redis.prefix });
  const done = new Promise<unknown>((resolve) => worker.on('completed', (_job, result) => resolve(result)));
  await queue.add('ask', { text: 'over tls' }, { jobId: 'faq-tls-1' });
  const result = await done;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  producer.disconnect();
  connection.disconnect();
  process.stdout.write(`${JSON.stringify({ pong, result, tls: Boolean(producer.options.tls) })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
}
process.exit(0);
