/**
 * The glossary and translation channels end to end: the real bot and worker processes (`npm start` on the fixture
 * models, translation on the m2m_100 model with NLLB codes) against the Discord-protocol test server. An admin adds
 * a glossary term and sees it listed; a member's message in a translation channel gets one translated copy, posted
 * through the channel's webhook as the member, pinging nobody, the glossary term kept; another bot's message and the
 * bot's own copies are not relayed.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOptionInput } from '../discord-server/interactions.ts';
import type { InteractionRecord } from '../discord-server/state.ts';
import { startBot, type BotUnderTest } from './harness.ts';

let bot: BotUnderTest;
const server = () => bot.server;

beforeAll(async () => {
  bot = await startBot({
    config: {
      lanes: { translate: { model: 'tiny-random-m2m100-nllb' } },
      discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } },
    },
  });
}, 90_000);

afterAll(async () => {
  expect(await bot.stop()).toBe(0);
}, 60_000);

/** The private answer the member sees (an immediate reply, or the deferred one once edited). */
function shown(record: InteractionRecord): Promise<string> {
  return server().waitFor(
    () => {
      const data = record.response as { type?: number; data?: { content?: string } } | null;
      if (data?.type === 4) return data.data?.content;
      const edited = record.originalMessageId
        ? server()
            .messagesIn(record.channelId)
            .find((m) => m.id === record.originalMessageId)?.content
        : undefined;
      return edited && !edited.startsWith('⏳') ? edited : undefined;
    },
    30_000,
    `response to ${record.id}`,
  );
}

const command = (name: string, sub: string, options: CommandOptionInput[] = [], extra: { channelId?: string; locale?: string } = {}) =>
  server().slashCommand({ name, options: [{ name: sub, subcommand: options }], ...extra });

/** Messages posted in a channel through a channel webhook (the relay's copies), not the bot's interaction replies. */
const webhookPosts = (channelId: string) =>
  server()
    .messagesIn(channelId)
    .filter((m: APIMessage) => m.webhook_id !== undefined && m.webhook_id === m.author.id && m.author.id !== server().botUser.id);

/** Webhook executes with a username: the relay's posts. */
const executes = () =>
  server()
    .requestsTo('POST', /^\/webhooks\/\d+\/[^/]+$/u)
    .filter((request) => (request.body as { username?: string } | undefined)?.username);

/** Waits for the bot's log line of the relay's decision on a message. */
const relayLogged = (messageId: string, what: string) =>
  server().waitFor(
    () => (bot.logs().includes(`"messageId":"${messageId}","action":"${what}`) ? true : undefined),
    10_000,
    `relay ${what} for ${messageId}`,
  );

describe('/glossary', () => {
  it('GIVEN /glossary add by an admin THEN /glossary list shows the term, in English and in Japanese', async () => {
    expect(await shown(command('glossary', 'add', [{ name: 'term', value: 'Kotodama' }]))).toBe('Added **Kotodama**: never translated.');
    expect(
      await shown(
        command('glossary', 'add', [
          { name: 'term', value: 'FAQ' },
          { name: 'ja', value: 'よくある質問' },
        ]),
      ),
    ).toBe('Added **FAQ**: always Japanese → よくある質問.');
    expect(await shown(command('glossary', 'list'))).toBe('- **FAQ**: always Japanese → よくある質問\n- **Kotodama**: never translated');
    expect(await shown(command('glossary', 'list', [], { locale: 'ja' }))).toBe(
      '- **FAQ**: いつも 日本語 → よくある質問\n- **Kotodama**: 翻訳しません',
    );
  });

  it('GIVEN a member without Manage Server THEN /glossary refuses and changes nothing', async () => {
    const record = server().slashCommand({
      name: 'glossary',
      user: server().users.bob,
      options: [{ name: 'add', subcommand: [{ name: 'term', value: 'Nope' }] }],
    });
    expect(await shown(record)).toContain('Manage Server');
    expect(await shown(command('glossary', 'list'))).not.toContain('Nope');
  });
});

describe('translation channels', () => {
  const channelId = () => server().channels.second.id;

  beforeAll(async () => {
    expect(await shown(command('autotranslate', 'targets', [{ name: 'languages', value: 'ja' }], { channelId: channelId() }))).toBe(
      `Messages in <#${channelId()}> are now translated into Japanese.`,
    );
  }, 60_000);

  it('GIVEN a member message in the channel THEN one translated copy is posted as the member, pinging nobody, glossary term kept', async () => {
    const bob = server().users.bob;
    const original = server().sendMessage({
      channelId: channelId(),
      content: `hello <@${bob.id}>, Kotodama starts the meeting tomorrow morning`,
    });
    const copy = await server().waitFor(() => webhookPosts(channelId())[0], 60_000, 'the translated copy');
    expect(copy.author.username).toBe('Alice');
    expect(copy.content).toContain('Kotodama');
    expect(copy.content).toContain(`<@${bob.id}>`);
    expect(copy.content).not.toBe(original.content);
    expect(copy.mentions).toEqual([]);
    // The request is logged once answered, a moment after the message is stored.
    const execute = await server().waitFor(() => executes()[0], 10_000, 'the webhook execute');
    expect(execute.body).toMatchObject({ allowed_mentions: { parse: [] } });
    await relayLogged(original.id, 'posted","copies":1');
    expect(executes()).toHaveLength(1);
    // The copy is a webhook message in the same channel: it is never relayed again (no loop; the next test shows
    // that later messages are handled, so a relayed copy would have shown by then).
    expect(bot.logs()).not.toContain(`"messageId":"${copy.id}","action":"posted"`);
  });

  it("GIVEN another bot's message in the channel THEN it is not relayed", async () => {
    const otherBot = { ...server().users.bob, id: '990000000000000001', username: 'otherbot', bot: true };
    const message = server().sendMessage({
      channelId: channelId(),
      author: otherBot,
      content: 'automated notice: the server restarts tonight',
    });
    // A member's message after it is relayed; the bot's was skipped by then (messages are handled in order).
    const after = server().sendMessage({ channelId: channelId(), content: 'thanks everyone, see you at the next meeting' });
    await server().waitFor(() => (webhookPosts(channelId()).length === 2 ? true : undefined), 60_000, 'the second copy');
    expect(webhookPosts(channelId())).toHaveLength(2);
    expect(webhookPosts(channelId()).map((m) => m.content)).not.toContain(message.content);
    await relayLogged(after.id, 'posted');
    expect(bot.logs()).not.toContain(`"messageId":"${message.id}","action":"posted"`);
  });
});
