/**
 * The relay's ordering and failure rules, with real Redis and a recording poster (the Discord side is covered end
 * to end in relay.e2e.test.ts).
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { WebhookPost, WebhookPoster } from '../../../../src/lanes/translate/channels/poster.ts';
import { ChannelRelay, type RelayMessage } from '../../../../src/lanes/translate/channels/relay.ts';
import { ChannelStore } from '../../../../src/lanes/translate/channels/store.ts';
import { cleanupRedis, quietLogger, testConfig } from '../../../helpers/env.ts';

const config = testConfig();
const redis = new Redis(config.redis.url);
const store = new ChannelStore({ redis, prefix: config.redis.prefix, followWindowSec: 60 });
const [G, A, B] = ['100000000000000001', '200000000000000001', '200000000000000002'];
afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
});

/** Posts into an in-memory log, numbering messages like snowflakes. */
function recordingPoster() {
  const log: string[] = [];
  let id = 500000000000000000n;
  const poster: WebhookPoster = {
    send: (channelId: string, post: WebhookPost) => {
      log.push(`send ${channelId} ${post.username}: ${post.content}`);
      return Promise.resolve({ messageId: String((id += 1n)), webhookId: '600000000000000001' });
    },
    edit: (_channelId, messageId, content) => Promise.resolve(void log.push(`edit ${messageId}: ${content}`)),
    delete: (_channelId, messageId) => Promise.resolve(void log.push(`delete ${messageId}`)),
  };
  return { poster, log };
}

const message = (id: string, content: string): RelayMessage => ({
  id,
  channelId: A,
  guildId: G,
  content,
  author: { id: '700000000000000001', name: 'Alice', bot: false },
});

describe('translation channel relay', () => {
  it('GIVEN an edit and a deletion arriving while the copy is still being translated THEN they wait for it, in order', async () => {
    await store.link(G, { channelId: A, language: 'en' }, { channelId: B, language: 'ja' });
    const { poster, log } = recordingPoster();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const relay = new ChannelRelay({
      store,
      poster,
      botUserId: '800000000000000001',
      translate: async ({ text, to }) => {
        await gate;
        return `[${to}] ${text}`;
      },
    });
    const created = relay.onCreate(message('900000000000000001', 'see you all at the meeting tomorrow'));
    const edited = relay.onUpdate(message('900000000000000001', 'see you all at the meeting on Friday'));
    const deleted = relay.onDelete('900000000000000001');
    release();
    expect(await created).toEqual({ messageId: '900000000000000001', action: 'posted', copies: 1 });
    expect(await edited).toEqual({ messageId: '900000000000000001', action: 'edited', copies: 1 });
    expect(await deleted).toEqual({ messageId: '900000000000000001', action: 'deleted', copies: 1 });
    expect(log).toEqual([
      `send ${B} Alice: [ja] see you all at the meeting tomorrow`,
      'edit 500000000000000001: [ja] see you all at the meeting on Friday',
      'delete 500000000000000001',
    ]);
  });

  it('GIVEN an author over the rate limit THEN their message is skipped quietly: nothing translated, nothing posted', async () => {
    const { poster, log } = recordingPoster();
    const translated: string[] = [];
    const relay = new ChannelRelay({
      store,
      poster,
      botUserId: '800000000000000001',
      admit: async (original) => original.id !== '900000000000000003',
      translate: async ({ text }) => (translated.push(text), text),
    });
    expect(await relay.onCreate(message('900000000000000003', 'one message too many this minute'))).toEqual({
      messageId: '900000000000000003',
      action: 'skipped',
      reason: 'rate-limited',
    });
    expect(translated).toEqual([]);
    expect(log).toEqual([]);
  });

  it('GIVEN the translation fails THEN the relay reports it, logs it and posts nothing, without throwing', async () => {
    const { poster, log } = recordingPoster();
    const relay = new ChannelRelay({
      store,
      poster,
      botUserId: '800000000000000001',
      logger: quietLogger,
      translate: () => Promise.reject(new Error('model missing')),
    });
    expect(await relay.onCreate(message('900000000000000002', 'see you all at the meeting tomorrow'))).toEqual({
      messageId: '900000000000000002',
      action: 'failed',
      reason: 'model missing',
    });
    expect(log).toEqual([]);
  });
});
