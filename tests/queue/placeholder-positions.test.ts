/**
 * Issue 13 row 4 / issue 14: the "⏳ waiting — N ahead" placeholders read positions with rank lookups for all of a
 * lane's placeholders at once, not by loading the first 1,000 waiting jobs, so a member deep in a long queue sees the
 * truth. Real Redis and BullMQ, the real progress tracker and deliverer against the Discord-protocol server.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deliverer } from '../../src/bot/discord/deliver.ts';
import { ProgressTracker } from '../../src/bot/discord/progress.ts';
import { BotStore } from '../../src/bot/discord/store.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { quietLogger, redisConnections, testConfig } from '../helpers/env.ts';
import { translateLane } from '../helpers/lanes.ts';

const AHEAD = 1_150;
// No "busy" refusal: this test wants a long queue.
const config = testConfig({ lanes: { [translateLane.name]: { maxWaiting: 0 } } });
const server = new FakeDiscord();
const redisPool = redisConnections(config);
const connection = () => redisPool.connect();

beforeAll(() => server.start());

afterAll(async () => {
  await server.close();
  await redisPool.close();
});

describe('queue positions on placeholders', () => {
  it(`GIVEN ${AHEAD} jobs ahead THEN the placeholder says "${AHEAD} ahead"`, async () => {
    const redis = connection();
    const producer = new LaneProducer(config, redis);
    const enqueue = (sourceId: string) =>
      producer.enqueue(translateLane, {
        sourceId,
        input: { text: 'hello', to: 'ja' },
        context: { origin: 'discord', userId: 'u1' },
        reply: { queue: 'replies-positions', target: {} },
      });
    for (let start = 0; start < AHEAD; start += 50) {
      await Promise.all(Array.from({ length: Math.min(50, AHEAD - start) }, (_, i) => enqueue(`before-${start + i}`)));
    }
    const rest = new REST({ api: server.apiUrl }).setToken(server.token);
    const deliverer = new Deliverer(rest, new BotStore(redis, config.redis.prefix), quietLogger, server.apiUrl);
    const tracker = new ProgressTracker(config, connection, producer, deliverer, quietLogger);
    await tracker.start();
    try {
      const source = server.sendMessage({ content: 'translate this please' });
      const { jobId } = await enqueue(source.id);
      tracker.track(
        translateLane,
        jobId,
        { kind: 'message', channelId: source.channel_id, messageId: source.id, userId: 'u1' },
        source.id,
        'en',
      );
      const placeholder = await server.waitFor(
        () =>
          server
            .messagesIn(source.channel_id)
            .find((m) => m.author.id === server.botUser.id && m.message_reference?.message_id === source.id && m.content.includes('ahead')),
        15_000,
        'the position on the placeholder',
      );
      expect(placeholder.content).toContain(`${AHEAD} ahead (0 running)`);
    } finally {
      await tracker.close();
      await producer.close();
    }
  }, 40_000);
});
