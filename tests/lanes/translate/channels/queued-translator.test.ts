/**
 * Relay translations through the queue: the job goes on the translation queue with the relay's own replies queue,
 * and the reply on that queue settles the waiting relay — text on success, a rejection on a refusal. Real Redis and
 * BullMQ; the worker's reply is published as a worker publishes it.
 */
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../../../src/core/redis.ts';
import { QueuedTranslator, RELAY_REPLIES_QUEUE } from '../../../../src/lanes/translate/channels/queued-translator.ts';
import { LaneProducer } from '../../../../src/queue/producer.ts';
import { ReplyPublisher } from '../../../../src/queue/replies.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../../../helpers/env.ts';

const config = testConfig();
const connections: Redis[] = [];
const redis = (role: 'producer' | 'worker') => {
  const made = createRedis(config.redis, role);
  connections.push(made);
  return made;
};
const producer = new LaneProducer(config, redis('producer'));
const publisher = new ReplyPublisher(config, redis('worker'));
const translator = new QueuedTranslator({ config, producer, connection: redis('worker'), logger: quietLogger });

afterAll(async () => {
  await translator.close();
  await publisher.close();
  await producer.close();
  await cleanupRedis(config);
  for (const connection of connections) connection.disconnect();
});

/** Waits for the relay's job on the translation queue and answers it on the relay's replies queue. */
async function answerNextJob(
  outcome: { ok: true; result: unknown } | { ok: false; error: { code: string; message: { en: string; ja: string } } },
) {
  const queue = producer.queue('translate');
  const job = await waitFor(async () => (await queue.getJobs(['waiting', 'prioritized']))[0], 10_000, 'the relay job');
  const data = job.data as {
    sourceId: string;
    context: Record<string, unknown>;
    reply: { queue: string; target: Record<string, unknown> };
  };
  expect(data.reply.queue).toBe(RELAY_REPLIES_QUEUE);
  await job.remove();
  await publisher.publish(data.reply.queue, {
    jobId: job.id ?? '',
    lane: 'translate',
    sourceId: data.sourceId,
    context: { origin: 'discord', userId: 'u' },
    target: data.reply.target,
    outcome,
  });
  return data;
}

describe('relay translations through the queue', () => {
  it('GIVEN a worker result on the relay replies queue THEN the relay gets its text, and the job carries the server and author', async () => {
    const pending = translator.translate({
      text: 'hello',
      from: 'en',
      to: 'ja',
      guildId: '100000000000000001',
      messageId: '200',
      userId: '300',
    });
    const data = await answerNextJob({ ok: true, result: { text: 'こんにちは', from: 'en', to: 'ja', model: 'm' } });
    expect(data.sourceId).toMatch(/^relay-200-ja-/u);
    expect(data.context).toEqual({ origin: 'discord', userId: '300', guildId: '100000000000000001' });
    expect(await pending).toBe('こんにちは');
  });

  it('GIVEN a refusal THEN the relay is told (rejected), never left waiting', async () => {
    const pending = translator.translate({ text: 'hello', from: 'en', to: 'xx', guildId: '100000000000000001' });
    await answerNextJob({ ok: false, error: { code: 'unsupported_language', message: { en: 'no', ja: 'いいえ' } } });
    await expect(pending).rejects.toThrow(/unsupported_language/u);
  });
});
