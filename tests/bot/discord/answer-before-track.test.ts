/**
 * Found by `npm run load -- --burst 2000`: 11-34 members of a burst kept "⏳ queued…" although their answer had been
 * posted. The FAQ answered (and the answer was delivered) before the bot got round to tracking the job's progress,
 * so the placeholder timer started after the answer and its "⏳ queued…" edit replaced it a second later. A job
 * that finished before it was tracked must never get a placeholder. Real deliverer against the Discord-protocol
 * server; real Redis.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deliverer } from '../../../src/bot/discord/deliver.ts';
import { PLACEHOLDER_DELAY_MS, ProgressTracker } from '../../../src/bot/discord/progress.ts';
import { BotStore } from '../../../src/bot/discord/store.ts';
import { LaneProducer } from '../../../src/queue/producer.ts';
import { FakeDiscord } from '../../discord-server/index.ts';
import { quietLogger, redisConnections, testConfig } from '../../helpers/env.ts';
import { faqLane } from '../../helpers/lanes.ts';

const config = testConfig();
const server = new FakeDiscord();
const redisPool = redisConnections(config);
const connection = () => redisPool.connect();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => server.start());

afterAll(async () => {
  await server.close();
  await redisPool.close();
});

describe('a job answered before its progress is tracked', () => {
  it('GIVEN the answer delivered first THEN no "⏳" placeholder is posted after it', async () => {
    const redis = connection();
    const producer = new LaneProducer(config, redis);
    const rest = new REST({ api: server.apiUrl }).setToken(server.token);
    const deliverer = new Deliverer(rest, new BotStore(redis, config.redis.prefix), quietLogger, server.apiUrl);
    const tracker = new ProgressTracker(config, connection, producer, deliverer, quietLogger);
    try {
      const source = server.sendMessage({ content: 'how do I use this bot?' });
      const target = { kind: 'message', channelId: source.channel_id, messageId: source.id, userId: 'u1' } as const;
      const jobId = `faq-${source.id}`;
      // The reply path: the answer is posted, then progress for the job is stopped...
      await deliverer.deliver({ jobId, sourceId: source.id, target, reply: { content: 'Use /ask.' }, fresh: false, voiceFallbackNote: '' });
      await tracker.finish(jobId);
      // ...and only then does the request path start tracking it.
      tracker.track(faqLane, jobId, target, source.id, 'en');
      await sleep(PLACEHOLDER_DELAY_MS + 1_000);
      const fromBot = server.messagesIn(source.channel_id).filter((message) => message.author.id === server.botUser.id);
      expect(fromBot.map((message) => message.content)).toEqual(['Use /ask.']);
    } finally {
      await tracker.close();
      await producer.close();
    }
  });
});
