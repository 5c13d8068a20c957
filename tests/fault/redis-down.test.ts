/**
 * Issue 13 rows 2 and 5: while Redis is down, every interaction is still acknowledged within Discord's 3 s and
 * every request — slash commands, a mention, a DM — gets "I can't reach my job queue" in the member's language,
 * instead of nothing. A private redis-server killed mid-test, the real bot process, the Discord-protocol server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { createRedis } from '../../src/core/redis.ts';
import { coreMessages } from '../../src/i18n/messages.ts';
import { laneJobId } from '../../src/queue/job-id.ts';
import { waitFor } from '../helpers/env.ts';
import { faqLane } from '../helpers/lanes.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { freePort, interactionTexts, PrivateRedis, startBotOnly, type RunningBot } from './redis-harness.ts';

const server = new FakeDiscord();
let redis: PrivateRedis;
let bot: RunningBot;
const unavailable = coreMessages.queueUnavailable;
const prefix = `fault-${Date.now().toString(36)}`;

beforeAll(async () => {
  await server.start();
  redis = new PrivateRedis(await freePort());
  await redis.start();
  bot = await startBotOnly(server, redis.url, { KOTODAMA_REDIS_PREFIX: prefix });
  await redis.stop();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await redis?.stop();
  await server.close();
}, 30_000);

describe('Redis is down', () => {
  it('GIVEN a burst of slash commands THEN each is acknowledged within 3 s and told the queue is unreachable', async () => {
    const records = [
      ...Array.from({ length: 20 }, (_, i) =>
        server.slashCommand({ name: 'ask', options: [{ name: 'question', value: `question ${i}?` }] }),
      ),
      server.slashCommand({
        name: 'translate',
        options: [
          { name: 'text', value: 'hello' },
          { name: 'to', value: 'ja' },
        ],
      }),
      server.slashCommand({ name: 'settings', options: [{ name: 'show', subcommand: [] }] }),
      server.slashCommand({ name: 'ask', locale: 'ja', options: [{ name: 'question', value: '使い方は？' }] }),
    ];
    for (const record of records) {
      const texts = await server.waitFor(
        () => {
          const sent = interactionTexts(server, record);
          return sent.some((text) => text.includes(unavailable.en) || text.includes(unavailable.ja)) ? sent : undefined;
        },
        15_000,
        `the answer to ${record.payload.data && 'name' in record.payload.data ? record.payload.data.name : record.id}`,
      );
      expect(record.response, JSON.stringify(texts)).not.toBeNull();
      expect(record.response?.elapsedMs).toBeLessThan(3_000);
    }
    const japanese = records.at(-1);
    if (japanese) expect(interactionTexts(server, japanese).join('\n')).toContain(unavailable.ja);
  }, 45_000);

  it('GIVEN a mention and a DM THEN each gets the same answer as a reply', async () => {
    const mention = server.sendMessage({ content: `<@${server.botUser.id}> how do I use this?` });
    const dm = server.sendMessage({ dm: true, author: server.users.bob, content: 'hello, are you there?' });
    for (const message of [mention, dm]) {
      const reply = await server.waitFor(
        () =>
          server
            .messagesIn(message.channel_id)
            .find((m) => m.author.id === server.botUser.id && m.message_reference?.message_id === message.id),
        15_000,
        'the reply',
      );
      expect(reply.content).toContain(unavailable.en);
    }
  }, 30_000);

  it('GIVEN Redis is back THEN the same bot queues requests again', async () => {
    await redis.start();
    const connection = createRedis({ url: redis.url, prefix }, 'worker');
    const queue = new Queue(faqLane.queue, { connection, prefix });
    try {
      const queued = await waitFor(
        async () => {
          const record = server.slashCommand({ name: 'ask', options: [{ name: 'question', value: 'are you back?' }] });
          const job = await waitFor(() => queue.getJob(laneJobId(faqLane.name, record.id)), 3_000, 'the job').catch(() => undefined);
          return job ? record : undefined;
        },
        25_000,
        'a request queued after the outage',
      );
      expect(queued.response?.type).toBe(5);
      expect(interactionTexts(server, queued).join('\n')).not.toContain(unavailable.en);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }, 40_000);
});
