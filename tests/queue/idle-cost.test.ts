/**
 * Issue 13 row 4: with hundreds of jobs waiting and no traffic, keeping placeholders up to date must cost little:
 * Redis commands per second stay far below the bound (200/s at 300 waiting), and a placeholder whose
 * position did not change is not edited again. A private Redis (to count its commands), real BullMQ, the real
 * progress tracker and deliverer against the Discord-protocol server.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deliverer } from '../../src/bot/discord/deliver.ts';
import { ProgressTracker } from '../../src/bot/discord/progress.ts';
import { BotStore } from '../../src/bot/discord/store.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { freePort, PrivateRedis } from '../fault/redis-harness.ts';
import { quietLogger } from '../helpers/env.ts';
import { translateLane } from '../helpers/lanes.ts';

const WAITING = 300;
const TRACKED = 60;
const server = new FakeDiscord();
let redis: PrivateRedis;

beforeAll(async () => {
  await server.start();
  redis = new PrivateRedis(await freePort());
  await redis.start();
}, 30_000);

afterAll(async () => {
  await redis.stop();
  await server.close();
});

describe('idle cost of waiting placeholders', () => {
  it(`GIVEN ${WAITING} waiting jobs, ${TRACKED} with placeholders THEN Redis load is bounded and unchanged placeholders are not edited`, async () => {
    const config = loadConfig({
      env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL: redis.url },
      overrides: { redis: { prefix: 'idle' }, lanes: { [translateLane.name]: { maxWaiting: 0 } } },
    });
    const connections = [createRedis(config.redis, 'worker')];
    const connection = () => {
      const created = createRedis(config.redis, 'worker');
      connections.push(created);
      return created;
    };
    const [main] = connections;
    if (!main) throw new Error('no connection');
    const producer = new LaneProducer(config, main);
    const deliverer = new Deliverer(
      new REST({ api: server.apiUrl }).setToken(server.token),
      new BotStore(main, 'idle'),
      quietLogger,
      server.apiUrl,
    );
    const tracker = new ProgressTracker(config, connection, producer, deliverer, quietLogger);
    await tracker.start();
    try {
      const sources = [];
      for (let i = 0; i < WAITING; i++) {
        const source = i < TRACKED ? server.sendMessage({ content: `please translate ${i}` }) : undefined;
        const { jobId } = await producer.enqueue(translateLane, {
          sourceId: source?.id ?? `untracked-${i}`,
          input: { text: 'hello', to: 'ja' },
          context: { origin: 'discord', userId: 'u1' },
          reply: { queue: 'replies-idle', target: {} },
        });
        if (source) {
          sources.push(source);
          tracker.track(
            translateLane,
            jobId,
            { kind: 'message', channelId: source.channel_id, messageId: source.id, userId: 'u1' },
            source.id,
            'en',
          );
        }
      }
      const channelId = sources[0]?.channel_id ?? '';
      // Every placeholder shows its place first.
      await server.waitFor(
        () =>
          server.messagesIn(channelId).filter((m) => m.author.id === server.botUser.id && m.content.startsWith('⏳ waiting')).length >=
          TRACKED
            ? true
            : undefined,
        30_000,
        'every placeholder showing its position',
      );
      // The last edit's request is logged just after its message changed: let it settle.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const probe = createRedis(config.redis, 'worker');
      connections.push(probe);
      const commands = async () => Number(/total_commands_processed:(\d+)/u.exec(await probe.info('stats'))?.[1] ?? 0);
      const patchesBefore = server.requestsTo('PATCH', /^\/channels\/[^/]+\/messages\//u).length;
      const before = await commands();
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      const perSecond = ((await commands()) - before - 1) / ((Date.now() - started) / 1000);
      const patches = server.requestsTo('PATCH', /^\/channels\/[^/]+\/messages\//u).length - patchesBefore;
      // One pipeline per lane per 3 s tick: three list lengths plus one rank lookup per placeholder (~21/s here),
      // within the budget of 200/s for 300 waiting placeholders, scaled to the ones tracked here.
      expect(perSecond).toBeLessThan((200 * TRACKED) / 300);
      expect(patches).toBe(0);
    } finally {
      await tracker.close();
      await producer.close();
      for (const redisConnection of connections) redisConnection.disconnect();
    }
  }, 55_000);
});
