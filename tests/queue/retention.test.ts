/**
 * Issue 13 row 9: jobs hold what members wrote, so finished jobs must not stay in Redis without an age limit. Lane
 * jobs and reply jobs both carry `queue.keepCompletedAgeSec` / `queue.keepFailedAgeSec` in the options BullMQ
 * stores with them (a failed reply job used to be kept by count only: the last 1,000, however old).
 */
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/core/redis.ts';
import { faqLane } from '../helpers/lanes.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { replyJobId } from '../../src/queue/job-id.ts';
import { ReplyPublisher } from '../../src/queue/replies.ts';
import { cleanupRedis, testConfig } from '../helpers/env.ts';

const config = testConfig({ queue: { keepCompletedAgeSec: 3_600, keepFailedAgeSec: 7_200 } });
const redis = createRedis(config.redis, 'producer');
const queues: Queue[] = [];

afterAll(async () => {
  await Promise.all(queues.map((queue) => queue.close()));
  await cleanupRedis(config);
  redis.disconnect();
});

function stored(name: string) {
  const queue = new Queue(name, { connection: redis, prefix: config.redis.prefix });
  queues.push(queue);
  return queue;
}

describe('retention of finished jobs', () => {
  it('GIVEN a lane job THEN BullMQ keeps it finished for at most the configured ages', async () => {
    const producer = new LaneProducer(config, redis);
    const { jobId } = await producer.enqueue(faqLane, {
      sourceId: 'retention-lane',
      input: { question: 'How do I use this bot?' },
      context: { origin: 'local', userId: 'tester' },
      reply: { queue: 'replies-retention', target: { test: true } },
      requestedAt: Date.now(),
    });
    const job = await stored(faqLane.queue).getJob(jobId);
    expect(job?.opts.removeOnComplete).toMatchObject({ age: 3_600 });
    expect(job?.opts.removeOnFail).toMatchObject({ age: 7_200 });
    await producer.close();
  });

  it('GIVEN a reply job THEN a failed one is kept no longer than queue.keepFailedAgeSec either', async () => {
    const publisher = new ReplyPublisher(config, redis);
    await publisher.publish('replies-retention', {
      jobId: 'retention-reply',
      lane: 'faq',
      sourceId: 'retention-reply',
      context: { origin: 'local', userId: 'tester' },
      target: { test: true },
      outcome: { ok: true, result: { text: 'hello' } },
    });
    const job = await stored('replies-retention').getJob(replyJobId('retention-reply'));
    expect(job?.opts.removeOnComplete).toMatchObject({ age: 3_600 });
    expect(job?.opts.removeOnFail).toMatchObject({ age: 7_200 });
    await publisher.close();
  });
});
