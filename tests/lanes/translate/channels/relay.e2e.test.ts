/**
 * Translation channels end to end: the real discord.js client against the Discord-protocol test server, real
 * Redis, the translation lane on the fixture NLLB-layout model, a server glossary. Two linked channels repost each
 * other's messages through a webhook with the author's name and avatar; copies are never relayed back; edits and
 * deletions follow.
 */
import { Client, Events, GatewayIntentBits, type TextChannel } from 'discord.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRuntime } from '../../../../src/inference/runtime.ts';
import { DiscordWebhookPoster, relayMessageFrom } from '../../../../src/lanes/translate/channels/discord-poster.ts';
import { ChannelRelay, type RelayOutcome } from '../../../../src/lanes/translate/channels/relay.ts';
import { ChannelStore } from '../../../../src/lanes/translate/channels/store.ts';
import { GlossaryStore } from '../../../../src/lanes/translate/glossary/store.ts';
import { createTranslateProcessor } from '../../../../src/lanes/translate/processor.ts';
import { FakeDiscord } from '../../../discord-server/index.ts';
import { cleanupRedis, quietLogger, testConfig } from '../../../helpers/env.ts';

const WINDOW_SEC = 600;
const config = testConfig({ lanes: { translate: { model: 'tiny-random-m2m100-nllb' } } });
const redis = new Redis(config.redis.url);
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
const store = new ChannelStore({ redis, prefix: config.redis.prefix, followWindowSec: WINDOW_SEC });
const outcomes: RelayOutcome[] = [];
let server: FakeDiscord;
let client: Client;

beforeAll(async () => {
  server = new FakeDiscord({ heartbeatIntervalMs: 500 });
  await server.start();
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { api: server.apiUrl },
  });
  const translate = createTranslateProcessor({ config, runtime, redis });
  const relay = new ChannelRelay({
    store,
    poster: new DiscordWebhookPoster(client),
    botUserId: server.botUser.id,
    translate: async ({ text, from, to, guildId }) =>
      (
        await translate(
          { text, from, to },
          {
            jobId: 'relay',
            context: { origin: 'discord', userId: 'relay', guildId },
            signal: new AbortController().signal,
            locale: 'en',
            report: () => undefined,
            logger: quietLogger,
          },
        )
      ).text,
    onOutcome: (outcome) => void outcomes.push(outcome),
  });
  client.on(Events.MessageCreate, (message) => void relay.onCreate(relayMessageFrom(message)));
  client.on(Events.MessageUpdate, (_old, message) => void relay.onUpdate(relayMessageFrom(message)));
  client.on(Events.MessageDelete, (message) => void relay.onDelete(message.id));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(server.token);
  await ready;
  await store.link(
    server.guild.id,
    { channelId: server.channels.general.id, language: 'en' },
    { channelId: server.channels.second.id, language: 'ja' },
  );
  await new GlossaryStore({ redis, prefix: config.redis.prefix }).add(server.guild.id, { term: 'Kotodama' });
});

afterAll(async () => {
  await client?.destroy();
  await server?.close();
  await cleanupRedis(config);
  redis.disconnect();
  await runtime.dispose();
});

const outcome = (messageId: string, action?: RelayOutcome['action']) =>
  server.waitFor(
    () => outcomes.find((o) => o.messageId === messageId && (!action || o.action === action)),
    20_000,
    `the relay's decision on ${messageId}`,
  );

describe('linked translation channels', () => {
  let originalId = '';
  let copyId = '';

  it('GIVEN a message in #general (English) THEN its Japanese copy is posted in #second with the author name and avatar, glossary kept', async () => {
    const original = server.sendMessage({
      channelId: server.channels.general.id,
      content: 'hello everyone, Kotodama starts the event soon',
    });
    originalId = original.id;
    expect(await outcome(original.id)).toEqual({ messageId: original.id, action: 'posted', copies: 1 });
    const copy = server.messagesIn(server.channels.second.id).at(-1);
    expect(copy?.webhook_id).toBeDefined();
    expect(copy?.author.username).toBe(server.users.alice.global_name ?? server.users.alice.username);
    expect(copy?.content).toContain('Kotodama');
    const execute = server.requestsTo('POST', /^\/webhooks\/\d+\/[\w-]+$/u).at(-1);
    expect(execute?.query).toEqual({ wait: 'true' });
    expect(execute?.body).toMatchObject({
      avatar_url: expect.stringMatching(/^https:\/\/cdn\.discordapp\.com\/.*avatars/u),
      allowed_mentions: { parse: [] },
    });
    copyId = copy?.id ?? '';
  });

  it('GIVEN the copy arrives over the gateway THEN the relay recognises its own webhook and posts nothing back (no loop)', async () => {
    expect(await outcome(copyId)).toEqual({ messageId: copyId, action: 'skipped', reason: 'own-webhook' });
    expect(server.messagesIn(server.channels.general.id).map((m) => m.id)).toEqual([originalId]);
  });

  it('GIVEN the original is edited THEN the copy is translated again and edited, within the follow window', async () => {
    const ttl = await redis.ttl(`${config.redis.prefix}:translate:copies:${originalId}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WINDOW_SEC);
    const before = server.messagesIn(server.channels.second.id).find((m) => m.id === copyId)?.content;
    const original = server.messagesIn(server.channels.general.id).find((m) => m.id === originalId);
    if (!original) throw new Error('original missing');
    server.editMessage(original, 'good morning, the Kotodama event moved to tomorrow');
    expect(await outcome(originalId, 'edited')).toEqual({ messageId: originalId, action: 'edited', copies: 1 });
    const after = server.messagesIn(server.channels.second.id).find((m) => m.id === copyId)?.content;
    expect(after).not.toBe(before);
    expect(after).toContain('Kotodama');
  });

  it('GIVEN the original is deleted THEN the copy is deleted too', async () => {
    server.state.removeMessage(server.channels.general.id, originalId);
    server.dispatch('MESSAGE_DELETE', { id: originalId, channel_id: server.channels.general.id, guild_id: server.guild.id });
    expect(await outcome(originalId, 'deleted')).toEqual({ messageId: originalId, action: 'deleted', copies: 1 });
    expect(server.messagesIn(server.channels.second.id).some((m) => m.id === copyId)).toBe(false);
  });

  it('GIVEN a message already in the target language, emoji only, or the bot’s own THEN nothing is posted', async () => {
    const japanese = server.sendMessage({ channelId: server.channels.general.id, content: 'こんにちは、みなさん元気ですか' });
    expect(await outcome(japanese.id)).toEqual({ messageId: japanese.id, action: 'skipped', reason: 'already-in-target-language' });
    const emoji = server.sendMessage({ channelId: server.channels.general.id, content: '🎉🎉' });
    expect(await outcome(emoji.id)).toEqual({ messageId: emoji.id, action: 'skipped', reason: 'emoji' });
    const own = await ((await client.channels.fetch(server.channels.general.id)) as TextChannel).send(
      'the bot says hello to everyone here',
    );
    expect(await outcome(own.id)).toEqual({ messageId: own.id, action: 'skipped', reason: 'own-message' });
    expect(server.messagesIn(server.channels.second.id)).toHaveLength(0);
  });

  it('GIVEN a message in #second (Japanese) THEN the English copy goes to #general', async () => {
    const message = server.sendMessage({
      channelId: server.channels.second.id,
      author: server.users.bob,
      content: 'おはようございます、今日もよろしくお願いします',
    });
    expect(await outcome(message.id)).toEqual({ messageId: message.id, action: 'posted', copies: 1 });
    const copy = server.messagesIn(server.channels.general.id).at(-1);
    expect(copy).toMatchObject({ webhook_id: expect.any(String) });
    expect(copy?.author.username).toBe(server.users.bob.global_name ?? server.users.bob.username);
    expect(server.unmatchedRequests()).toEqual([]);
  });

  it('GIVEN /autotranslate targets on a channel THEN each message gets one copy per other language in the same channel, and copies are not relayed', async () => {
    await store.setTargets(server.guild.id, server.channels.general.id, ['en', 'ja', 'fr']);
    expect(await store.rule(server.channels.second.id)).toBeUndefined();
    const message = server.sendMessage({ channelId: server.channels.general.id, content: 'see you all at the meeting tomorrow' });
    expect(await outcome(message.id)).toEqual({ messageId: message.id, action: 'posted', copies: 2 });
    const copies = server.messagesIn(server.channels.general.id).filter((m) => m.webhook_id && BigInt(m.id) > BigInt(message.id));
    expect(copies).toHaveLength(2);
    for (const copy of copies) expect(await outcome(copy.id)).toEqual({ messageId: copy.id, action: 'skipped', reason: 'own-webhook' });
  });
});
