/**
 * Limits and failure paths end to end: rate limits, a restart that meets a replayed event, cancelling
 * a waiting job from its placeholder, and an answer that outlives its interaction token.
 */
import { Queue } from 'bullmq';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deliverer } from '../../src/bot/discord/deliver.ts';
import { BotStore } from '../../src/bot/discord/store.ts';
import { createRedis } from '../../src/core/redis.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { cleanupRedis, quietLogger, testConfig } from '../helpers/env.ts';
import { botRepliesTo, finalReplyTo, startBot } from './harness.ts';

const config = { discord: { rateLimit: { userPerMinute: 2, guildPerMinute: 1000 } } };
let server: FakeDiscord;

beforeAll(async () => {
  server = new FakeDiscord();
  await server.start();
});

afterAll(() => server.close());

describe('limits and restarts', () => {
  it('GIVEN a member over the rate limit THEN they are told when to retry and nothing more is queued', async () => {
    const bot = await startBot({ server, config });
    try {
      const mention = (text: string) =>
        server.sendMessage({ content: `<@${server.botUser.id}> ${text}`, mentions: [server.botUser], author: server.users.bob });
      const first = mention('one');
      const second = mention('two');
      await finalReplyTo(server, first);
      await finalReplyTo(server, second);
      const third = mention('three');
      const refused = await finalReplyTo(server, third);
      expect(refused.content).toMatch(/sending requests a little fast\. Please try again in \d+ s/u);
      const queue = new Queue('generate', { connection: createRedis(testConfig().redis, 'worker'), prefix: bot.prefix });
      expect(await queue.getJob(`generate-${third.id}`)).toBeUndefined();
      expect(await queue.getJob(`generate-${second.id}`)).toBeDefined();
      await queue.close();
      // A slash command is acknowledged first (Discord's 3 s), then the refusal replaces it privately.
      const command = server.slashCommand({ name: 'ask', user: server.users.bob, options: [{ name: 'question', value: 'help' }] });
      const note = await server.waitFor(
        () => server.messagesIn(command.channelId).find((m) => m.content.includes('try again in') && ((m.flags ?? 0) & 64) === 64),
        10_000,
        'the private rate-limit note',
      );
      expect(command.response?.type).toBe(5);
      expect(note.content).toMatch(/Please try again in \d+ s/u);
      // Automatic work is different: nobody asked, so nobody is told off.
      const settings = server.slashCommand({
        name: 'settings',
        options: [
          {
            name: 'set',
            subcommand: [
              { name: 'key', value: 'autoTranslate' },
              { name: 'value', value: 'ja' },
            ],
          },
        ],
      });
      await server.waitFor(() => settings.response, 10_000);
      const chatter = server.sendMessage({ content: 'good morning everyone', author: server.users.bob });
      // Messages are handled in order: once a later one is answered, the chatter was looked at.
      await finalReplyTo(server, server.sendMessage({ content: `<@${server.botUser.id}> still here?`, mentions: [server.botUser] }));
      expect(botRepliesTo(server, chatter)).toHaveLength(0);
    } finally {
      await bot.stop();
    }
  }, 120_000);

  it('GIVEN the bot restarts THEN an event replayed to the new process is not answered again', async () => {
    const first = await startBot({ server, config });
    const source = server.sendMessage({ content: `<@${server.botUser.id}> hello`, mentions: [server.botUser] });
    await finalReplyTo(server, source);
    await first.stop(true);
    const second = await startBot({ server, config, prefix: first.prefix, args: ['--bot-only'] });
    try {
      server.redeliver(source);
      // Events are handled in order: once a later mention shows its placeholder (no worker runs here), the
      // replayed one was looked at.
      const after = server.sendMessage({ content: `<@${server.botUser.id}> after the replay`, mentions: [server.botUser] });
      await server.waitFor(() => botRepliesTo(server, after)[0], 15_000, 'the later mention handled');
      expect(botRepliesTo(server, source)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('GIVEN a waiting job WHEN its Cancel button is clicked THEN it is removed and the placeholder says so', async () => {
    // --bot-only without workers: the job stays queued, as behind a long queue.
    const bot = await startBot({ server, config, args: ['--bot-only'] });
    try {
      const source = server.sendMessage({ content: `<@${server.botUser.id}> a long question`, mentions: [server.botUser] });
      const placeholder = await server.waitFor(
        () => botRepliesTo(server, source).find((m) => (m.components?.length ?? 0) > 0),
        10_000,
        'cancel button',
      );
      expect(placeholder.content).toMatch(/^⏳/u);
      const button = (placeholder.components?.[0] as { components: { custom_id: string }[] }).components[0];
      server.clickButton({ message: placeholder, customId: button?.custom_id ?? '' });
      const cancelled = await server.waitFor(
        () => botRepliesTo(server, source).find((m) => m.content === '✖️ Cancelled.'),
        10_000,
        'cancelled',
      );
      expect(cancelled.components ?? []).toEqual([]);
    } finally {
      await bot.stop();
    }
  }, 120_000);
});

describe('answers after the interaction token expired', () => {
  it('GIVEN an answer older than 15 minutes THEN it is posted in the channel as a reply, without pings', async () => {
    const cfg = testConfig();
    const redis = createRedis(cfg.redis, 'worker');
    try {
      const rest = new REST({ api: server.apiUrl }).setToken(server.token);
      const deliverer = new Deliverer(rest, new BotStore(redis, cfg.redis.prefix), quietLogger, server.apiUrl);
      const source = server.sendMessage({ content: 'translate me later' });
      const record = server.messageCommand({ name: 'Translate to English', target: source });
      const target = {
        kind: 'interaction' as const,
        applicationId: server.applicationId,
        token: record.token,
        createdAt: Date.now() - 16 * 60_000,
        channelId: source.channel_id,
        userId: server.users.alice.id,
        messageId: source.id,
      };
      await deliverer.deliver({
        jobId: 'translate-late',
        sourceId: 'late',
        target,
        reply: { content: 'late answer @everyone' },
        fresh: false,
        voiceFallbackNote: '',
      });
      const reply = await finalReplyTo(server, source);
      expect(reply.content).toBe('late answer @everyone');
      expect(reply.mention_everyone).toBe(false);
      expect(server.requestsTo('PATCH', /webhooks/u)).toHaveLength(0);
      // Delivered again (a retried reply job): nothing new is posted.
      await deliverer.deliver({
        jobId: 'translate-late',
        sourceId: 'late',
        target,
        reply: { content: 'late answer @everyone' },
        fresh: false,
        voiceFallbackNote: '',
      });
      expect(botRepliesTo(server, source)).toHaveLength(1);
    } finally {
      redis.disconnect();
      await cleanupRedis(cfg);
    }
  });
});

describe('start-up', () => {
  it('GIVEN a wrong token THEN the bot exits with a message saying so, without echoing the token', async () => {
    const { runScript } = await import('../helpers/spawn.ts');
    const result = await runScript('src/main.ts', ['--bot-only'], {
      env: { KOTODAMA_PROFILE: 'fixtures', DISCORD_TOKEN: 'not-the-right-token', DISCORD_API_URL: server.apiUrl },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Discord rejected DISCORD_TOKEN');
    expect(result.stderr).not.toContain('not-the-right-token');
  }, 60_000);
});
