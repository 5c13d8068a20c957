/**
 * Issue 13 row 1: a job whose worker process dies twice mid-job fails as "stalled more than allowable limit". Its
 * member must still be told (an error reply with a reference id reaches the replies queue) and the failure logged.
 * Real worker processes killed with SIGKILL, real Redis and BullMQ, short locks so the test takes seconds.
 */
import { hostname } from 'node:os';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { ReplyEnvelope } from '../../src/queue/envelope.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { createReplyConsumer } from '../../src/queue/replies.ts';
import { WorkerHost } from '../../src/queue/worker-host.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../helpers/env.ts';
import { translateLane } from '../helpers/lanes.ts';
import { FAULT_LOCK } from './fixtures/lock.ts';
import { hangingWorker, kill, killRunners, type HangingWorker } from './hanging.ts';

const config = testConfig();
const workers: HangingWorker[] = [];

beforeAll(async () => {
  // Two worker processes wait for the job (started together: a process takes seconds to start on a busy machine).
  workers.push(hangingWorker(config.redis.prefix), hangingWorker(config.redis.prefix));
  await Promise.all(workers.map((worker) => worker.ready));
}, 60_000);

afterAll(async () => {
  for (const worker of workers) await kill(worker);
  await cleanupRedis(config);
});

describe('a job whose worker dies twice', () => {
  it('GIVEN two worker processes killed mid-job THEN the member gets an error reply with a reference AND it is logged', async () => {
    const replies: ReplyEnvelope[] = [];
    const consumerRedis = createRedis(config.redis, 'worker');
    const consumer = createReplyConsumer({
      config,
      connection: consumerRedis,
      queueName: 'replies-fault',
      logger: quietLogger,
      handler: async (reply) => void replies.push(reply),
    });
    const producerRedis = createRedis(config.redis, 'producer');
    const producer = new LaneProducer(config, producerRedis);
    const { jobId } = await producer.enqueue(translateLane, {
      sourceId: 'stall-1',
      input: { text: 'hello', to: 'ja' },
      context: { origin: 'discord', userId: 'u1', language: 'ja' },
      reply: { queue: 'replies-fault', target: { kind: 'test' } },
    });

    await killRunners(workers, 2); // the first stall handed it to the other one

    // A healthy worker finds the second stall and fails the job: it must tell the member and log it.
    let logs = '';
    const logger = createLogger({
      level: 'info',
      format: 'json',
      destination: new Writable({ write: (chunk: Buffer, _encoding, done) => ((logs += chunk.toString()), done()) }),
    });
    const processed: string[] = [];
    const host = new WorkerHost({
      config,
      logger,
      lock: FAULT_LOCK,
      lanes: [
        { lane: translateLane, processor: async (input, context) => (processed.push(context.jobId), { ...input, from: 'en', model: 't' }) },
      ],
    });
    await host.start();
    try {
      const reply = await waitFor(() => replies.find((r) => r.jobId === jobId), 40_000, 'the error reply');
      expect(reply.outcome.ok).toBe(false);
      if (reply.outcome.ok) return;
      expect(reply.outcome.error.reference).toMatch(/\w{4,}/u);
      expect(reply.outcome.error.message.ja.length).toBeGreaterThan(0);
      expect(processed).toEqual([]);
      const state = await producer.queue(translateLane.name).getJobState(jobId);
      expect(state).toBe('failed');
      expect(logs).toContain(jobId);
      expect(logs).toMatch(/stalled/u);
      // The line names the lane and the process that noticed, for the operator to look at.
      expect(logs).toMatch(new RegExp(`"lane":"translate".*"noticedBy":"${hostname()}:${process.pid}".*stalled`, 'u'));
    } finally {
      await host.close(1_000);
      await consumer.close();
      await producer.close();
      consumerRedis.disconnect();
      producerRedis.disconnect();
    }
  });
});
