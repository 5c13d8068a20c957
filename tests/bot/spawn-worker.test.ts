/**
 * npm start's worker child: a crashed worker process is started again and jobs go on. Workers run at a lower CPU
 * priority than the bot (niceness 10): under load on one machine, the bot still acknowledges within Discord's 3 s
 * (`npm run load` at 100 requests/s here left 3 interactions unacknowledged while four workers took both cores).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import type { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnWorker } from '../../src/bot/spawn-worker.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { ReplyEnvelope } from '../../src/queue/envelope.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { createReplyConsumer } from '../../src/queue/replies.ts';
import { cleanupRedis, quietLogger, REDIS_URL, testConfig, waitFor } from '../helpers/env.ts';
import { translateLane } from '../helpers/lanes.ts';

const config = testConfig();
afterAll(() => cleanupRedis(config));

describe('worker process supervision', () => {
  it('GIVEN the worker process is killed THEN a new one starts and answers the next job', async () => {
    const env = {
      ...process.env,
      KOTODAMA_PROFILE: 'fixtures',
      KOTODAMA_REDIS_PREFIX: config.redis.prefix,
      REDIS_URL,
      LOG_LEVEL: 'silent',
    };
    const worker = spawnWorker(['translate'], { env, logger: quietLogger });
    await worker.ready();
    const producerRedis = createRedis(config.redis, 'producer');
    const consumerRedis = createRedis(config.redis, 'worker');
    const producer = new LaneProducer(config, producerRedis);
    const replies: ReplyEnvelope[] = [];
    const consumer: Worker = createReplyConsumer({
      config,
      connection: consumerRedis,
      queueName: 'replies-spawn',
      logger: quietLogger,
      handler: async (r) => void replies.push(r),
    });
    try {
      const first = worker.pid();
      expect(getPriority(first)).toBe(getPriority() + 10);
      process.kill(first ?? 0, 'SIGKILL');
      await waitFor(() => (worker.pid() !== first ? true : undefined), 20_000, 'a new worker process');
      await worker.ready();
      const second = worker.pid() ?? 0;
      expect(getPriority(second)).toBe(getPriority() + 10);
      // Every thread of the worker (ONNX Runtime's and the ones Node made at start), not only its main thread.
      const tasks = readdirSync(`/proc/${second}/task`);
      const niceness = tasks.map((task) =>
        Number(readFileSync(`/proc/${second}/task/${task}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]),
      );
      expect(new Set(niceness)).toEqual(new Set([getPriority() + 10]));
      const { jobId } = await producer.enqueue(translateLane, {
        sourceId: 'after-crash',
        input: { text: 'hello', to: 'ja' },
        context: { origin: 'local', userId: 'u' },
        reply: { queue: 'replies-spawn', target: {} },
      });
      const reply = await waitFor(() => replies.find((r) => r.jobId === jobId), 30_000, 'reply');
      expect(reply.outcome.ok).toBe(true);
    } finally {
      await consumer.close();
      await producer.close();
      await worker.stop();
      producerRedis.disconnect();
      consumerRedis.disconnect();
    }
  }, 90_000);
});
