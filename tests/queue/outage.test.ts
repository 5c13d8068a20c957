/**
 * A Redis outage: producers fail fast with a clear message while Redis is down, and a worker that
 * lived through the outage takes jobs again once Redis is back (no silent stuck worker).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { ReplyEnvelope } from '../../src/queue/envelope.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { createReplyConsumer } from '../../src/queue/replies.ts';
import { WorkerHost } from '../../src/queue/worker-host.ts';
import { LocalSession } from '../../src/bot/local/session.ts';
import { quietLogger, testConfig, waitFor } from '../helpers/env.ts';
import { translateLane } from '../helpers/lanes.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

let redisProcess: ChildProcess | undefined;

async function startRedis(port: number): Promise<void> {
  redisProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const probe = createRedis({ url: `redis://127.0.0.1:${port}`, prefix: 'x' }, 'worker');
  await waitFor(async () => ((await probe.ping().catch(() => '')) === 'PONG' ? true : undefined), 10_000, 'redis-server');
  probe.disconnect();
}

async function stopRedis(): Promise<void> {
  const child = redisProcess;
  redisProcess = undefined;
  if (!child || child.exitCode !== null) return;
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

afterAll(stopRedis);

describe('Redis outage', () => {
  it('GIVEN Redis goes down and comes back THEN the bot says so meanwhile and the same worker answers afterwards', async () => {
    const port = await freePort();
    await startRedis(port);
    const config: Config = testConfig({ redis: { url: `redis://127.0.0.1:${port}` } });
    const replies: ReplyEnvelope[] = [];
    const host = new WorkerHost({
      config,
      lanes: [
        {
          lane: translateLane,
          processor: async (input: { text: string; to: string }) => ({
            text: input.text.toUpperCase(),
            from: 'en',
            to: input.to,
            model: 'test',
          }),
        },
      ],
      logger: quietLogger,
    });
    await host.start();
    const producerRedis = createRedis(config.redis, 'producer');
    const consumerRedis = createRedis(config.redis, 'worker');
    const producer = new LaneProducer(config, producerRedis);
    const consumer = createReplyConsumer({
      config,
      connection: consumerRedis,
      queueName: 'replies-outage',
      logger: quietLogger,
      handler: async (r) => void replies.push(r),
    });
    const session = new LocalSession(config, quietLogger);
    const request = (sourceId: string) => ({
      sourceId,
      input: { text: 'hi', to: 'ja' },
      context: { origin: 'local' as const, userId: 'u' },
      reply: { queue: 'replies-outage', target: {} },
    });
    try {
      await producer.enqueue(translateLane, request('before'));
      await waitFor(() => replies.find((r) => r.jobId === 'translate-before'), 10_000, 'reply before the outage');

      await stopRedis();
      // The front end answers at once with how to get Redis back, instead of hanging.
      const answer = await session.answer('/translate ja hello');
      expect(answer).toContain('Redis does not answer');

      await startRedis(port);
      await waitFor(async () => ((await producerRedis.ping().catch(() => '')) === 'PONG' ? true : undefined), 15_000, 'producer reconnect');
      await producer.enqueue(translateLane, request('after'));
      const after = await waitFor(() => replies.find((r) => r.jobId === 'translate-after'), 30_000, 'reply after the outage');
      expect(after.outcome.ok && (after.outcome.result as { text: string }).text).toBe('HI');
    } finally {
      await session.close().catch(() => undefined);
      await consumer.close();
      await producer.close();
      await host.close(1_000);
      producerRedis.disconnect();
      consumerRedis.disconnect();
    }
  });
});
