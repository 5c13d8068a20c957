/**
 * Issue 13 row 3: over a lane's `maxWaiting`, a new request is refused at once with "busy, try again in about N s"
 * (both languages) instead of joining a queue it would wait minutes in; other lanes still take requests. Real
 * Redis and BullMQ, no worker (the jobs just wait).
 */
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.ts';
import { createRedis } from '../../src/core/redis.ts';
import { laneJobId } from '../../src/queue/job-id.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { cleanupRedis, testConfig } from '../helpers/env.ts';
import { faqLane, translateLane } from '../helpers/lanes.ts';

const config = testConfig({ lanes: { [translateLane.name]: { maxWaiting: 3 } } });
const redis: Redis = createRedis(config.redis, 'producer');
const producer = new LaneProducer(config, redis, () => 4);

afterAll(async () => {
  await producer.close();
  redis.disconnect();
  await cleanupRedis(config);
});

const request = (sourceId: string) => ({
  sourceId,
  context: { origin: 'discord' as const, userId: 'u1' },
  reply: { queue: 'replies-busy', target: {} },
});

describe('backpressure', () => {
  it('GIVEN a lane at its maxWaiting THEN the next request is refused as busy with a wait estimate, and another lane still accepts', async () => {
    for (let i = 0; i < 3; i++) await producer.enqueue(translateLane, { ...request(`t${i}`), input: { text: 'hello', to: 'ja' } });
    const refused = await producer
      .enqueue(translateLane, { ...request('t-over'), input: { text: 'hello', to: 'ja' } })
      .catch((e: unknown) => e);
    expect(isUserError(refused)).toBe(true);
    if (!isUserError(refused)) return;
    expect(refused.code).toBe('busy');
    // 3 waiting × 4 s each.
    expect(refused.text.en).toContain('try again in about 12 s');
    expect(refused.text.ja).toContain('12秒後');
    expect(await producer.queue(translateLane.name).getJob(laneJobId(translateLane.name, 't-over'))).toBeUndefined();
    const faq = await producer.enqueue(faqLane, { ...request('f1'), input: { question: 'how do I use this?' } });
    expect(faq.jobId).toBeTruthy();
  });
});
