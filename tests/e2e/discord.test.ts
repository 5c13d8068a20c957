/**
 * The real bot process (discord.js, Redis, BullMQ, a worker on the fixture models) against the fake
 * Discord server: what Discord would receive for each way people use kotodama.
 */
import { Queue } from 'bullmq';
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/core/redis.ts';
import { loadConfig } from '../../src/config/index.ts';
import { runScript } from '../helpers/spawn.ts';
import { REDIS_URL } from '../helpers/env.ts';
import { botRepliesTo, expectNoPings, finalReplyTo, fixtureAudio, startBot, type BotUnderTest } from './harness.ts';

let bot: BotUnderTest;
const server = () => bot.server;

/** The final content of an interaction's original response, once it is no longer the placeholder. */
async function answerOf(record: { originalMessageId: string | null; channelId: string }): Promise<APIMessage> {
  return server().waitFor(
    () => {
      if (!record.originalMessageId) return undefined;
      const message = server()
        .messagesIn(record.channelId)
        .find((m) => m.id === record.originalMessageId);
      return message && message.content && !message.content.startsWith('⏳') ? message : undefined;
    },
    30_000,
    'interaction answer',
  );
}

beforeAll(async () => {
  bot = await startBot({
    config: { limits: { maxTextChars: 6000 }, discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } } },
  });
}, 90_000);

afterAll(async () => {
  const code = await bot.stop();
  expect(code).toBe(0);
}, 60_000);

describe('slash commands', () => {
  it('GIVEN npm run commands:register --guild THEN every command and context menu is registered there', async () => {
    const guildId = server().guild.id;
    const result = await runScript('src/cli/register-commands.ts', ['--guild', guildId], {
      env: { DISCORD_TOKEN: server().token, DISCORD_API_URL: server().apiUrl },
    });
    expect(result.code, result.stderr).toBe(0);
    const names = (server().state.guildCommands.get(guildId) ?? []).map((command) => command.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ask',
        'translate',
        'chat',
        'transcribe',
        'help',
        'settings',
        'forget-me',
        'Translate to English',
        'Translate to Japanese',
        'Transcribe',
      ]),
    );
  });

  it('GIVEN /ask THEN it is acknowledged within 3 s and the FAQ answer replaces the placeholder', async () => {
    const record = server().slashCommand({ name: 'ask', options: [{ name: 'question', value: 'How do I use this bot?' }] });
    const answer = await answerOf(record);
    expect(record.response?.type).toBe(5);
    expect(record.response?.elapsedMs).toBeLessThan(3000);
    expect(answer.content).toContain('Use `/ask` for questions about this server');
  });

  it('GIVEN /translate with a mention and @everyone THEN the translation keeps them and pings nobody', async () => {
    const alice = server().users.alice;
    const record = server().slashCommand({
      name: 'translate',
      options: [
        { name: 'text', value: `hello <@${alice.id}> and @everyone` },
        { name: 'to', value: 'ja' },
      ],
    });
    const answer = await answerOf(record);
    expect(answer.content).toContain(`<@${alice.id}>`);
    expect(answer.content).toContain('@everyone');
    expect(answer.mention_everyone).toBe(false);
    expect(answer.mentions).toEqual([]);
  });

  it('GIVEN /translate to an unknown language THEN only the asker sees why', async () => {
    const record = server().slashCommand({
      name: 'translate',
      options: [
        { name: 'text', value: 'hello' },
        { name: 'to', value: 'klingon' },
      ],
    });
    await server().waitFor(() => record.response, 10_000);
    expect(record.response?.type).toBe(4);
    const data = (record.response as { data?: { content?: string; flags?: number } }).data;
    expect(data?.content).toContain('"klingon" is not a language I know');
    expect((data?.flags ?? 0) & 64).toBe(64);
  });

  it('GIVEN /chat THEN the generated text replaces the placeholder', async () => {
    const record = server().slashCommand({ name: 'chat', options: [{ name: 'prompt', value: 'hello there' }] });
    const answer = await answerOf(record);
    expect(answer.content.length).toBeGreaterThan(0);
  });

  it('GIVEN /transcribe with a voice recording THEN the transcript comes back', async () => {
    const attachment = server().addAttachment(fixtureAudio('voice-en.ogg'), 'voice-message.ogg', 'audio/ogg', { durationSecs: 2.1 });
    const record = server().slashCommand({
      name: 'transcribe',
      options: [
        { name: 'audio', attachment },
        { name: 'language', value: 'en' },
      ],
    });
    const answer = await answerOf(record);
    expect(answer.content).toMatch(/transcript of 2\.\d s of audio/u);
  });

  it('GIVEN /help THEN an ephemeral list of commands and limits is shown', async () => {
    const record = server().slashCommand({ name: 'help' });
    await server().waitFor(() => record.response, 10_000);
    const data = (record.response as { data?: { content?: string; flags?: number } }).data;
    expect(data?.content).toContain('/translate');
    expect(data?.content).toContain('Limits:');
    expect((data?.flags ?? 0) & 64).toBe(64);
  });

  it('GIVEN the Translate to English context menu on a Japanese message THEN it translates that message', async () => {
    const target = server().sendMessage({ content: 'おはようございます', author: server().users.bob });
    const record = server().messageCommand({ name: 'Translate to English', target });
    const answer = await answerOf(record);
    expect(answer.content).toContain('Japanese → English');
  });
});

describe("context menu in the member's language", () => {
  it('GIVEN a member whose Discord is in French THEN "Translate to my language" translates into French', async () => {
    const target = server().sendMessage({ content: 'good morning, friends', author: server().users.bob });
    const record = server().messageCommand({ name: 'Translate to my language', target, locale: 'fr' });
    expect((await answerOf(record)).content).toContain('English → French');
  });

  it('GIVEN a locale with a region THEN its language is used', async () => {
    const target = server().sendMessage({ content: 'good evening', author: server().users.bob });
    const record = server().messageCommand({ name: 'Translate to my language', target, locale: 'zh-TW' });
    expect((await answerOf(record)).content).toContain('English → Chinese (Traditional)');
  });
});

describe('messages', () => {
  it('GIVEN a mention THEN one reply answers it, with no placeholder when the answer is there within a second', async () => {
    const source = server().sendMessage({ content: `<@${server().botUser.id}> hello!`, mentions: [server().botUser] });
    const reply = await finalReplyTo(server(), source);
    expect(reply.content.length).toBeGreaterThan(0);
    const replyPosts = () =>
      server()
        .requestsTo('POST', `/channels/${source.channel_id}/messages`)
        .filter((entry) => (entry.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === source.id);
    const posts = await server().waitFor(() => (replyPosts().length ? replyPosts() : undefined), 10_000, 'the reply request');
    expect(posts).toHaveLength(1);
    // Either the answer itself, or a placeholder that the answer then replaced (a slow machine).
    const first = (posts[0]?.body as { content?: string }).content ?? '';
    if (first.startsWith('⏳'))
      expect(server().requestsTo('PATCH', `/channels/${source.channel_id}/messages/${reply.id}`).length).toBeGreaterThan(0);
    else expect(first).toBe(reply.content);
  });

  it('GIVEN a DM THEN the bot answers in the DM', async () => {
    const source = server().sendMessage({ dm: true, content: 'hi, who are you?' });
    const reply = await finalReplyTo(server(), source);
    expect(reply.channel_id).toBe(source.channel_id);
  });

  it('GIVEN a reply to one of its answers THEN the conversation so far goes to the model', async () => {
    const first = server().sendMessage({ content: `<@${server().botUser.id}> remember the word pineapple`, mentions: [server().botUser] });
    const answer = await finalReplyTo(server(), first);
    const followUp = server().sendMessage({ content: 'what was the word?', replyTo: answer });
    await finalReplyTo(server(), followUp);
    const queue = new Queue('generate', {
      connection: createRedis(loadConfig({ env: { REDIS_URL } }).redis, 'worker'),
      prefix: bot.prefix,
    });
    const job = await queue.getJob(`generate-${followUp.id}`);
    const messages = (job?.data as { input: { messages: { role: string; content: string }[] } }).input.messages;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[0]?.content).toBe('remember the word pineapple');
    expect(messages[2]?.content).toBe('what was the word?');
    await queue.close();
  });

  it('GIVEN the same MESSAGE_CREATE twice (gateway replay) THEN there is one answer', async () => {
    const source = server().sendMessage({ content: `<@${server().botUser.id}> once please`, mentions: [server().botUser] });
    server().replayLast(1);
    await finalReplyTo(server(), source);
    // Events are handled in order: once a later mention is answered, the replay was looked at.
    await finalReplyTo(
      server(),
      server().sendMessage({ content: `<@${server().botUser.id}> and after it?`, mentions: [server().botUser] }),
    );
    expect(botRepliesTo(server(), source)).toHaveLength(1);
  });

  it('GIVEN auto-transcribe turned on with /settings THEN a voice message gets its transcript', async () => {
    const settings = server().slashCommand({
      name: 'settings',
      options: [
        {
          name: 'set',
          subcommand: [
            { name: 'key', value: 'autoTranscribe' },
            { name: 'value', value: 'on' },
          ],
        },
      ],
    });
    await server().waitFor(() => settings.response, 10_000);
    expect((settings.response as { data?: { content?: string } }).data?.content).toContain('autoTranscribe** is now true');
    const voice = server().addAttachment(fixtureAudio('voice-en.ogg'), 'voice-message.ogg', 'audio/ogg', {
      durationSecs: 2.1,
      waveform: 'AAAA',
    });
    const source = server().sendMessage({ voice, author: server().users.bob });
    const reply = await finalReplyTo(server(), source);
    expect(reply.content).toMatch(/transcript of 2\.\d s of audio/u);
  });

  it('GIVEN an audio attachment on a foreign host THEN the bot refuses to fetch it', async () => {
    const foreign = {
      ...server().addAttachment(fixtureAudio('voice-en.ogg'), 'clip.ogg', 'audio/ogg'),
      url: 'https://evil.example.com/clip.ogg',
      proxy_url: 'https://evil.example.com/clip.ogg',
    };
    const source = server().sendMessage({
      content: `<@${server().botUser.id}> transcribe this`,
      mentions: [server().botUser],
      attachments: [foreign],
    });
    const reply = await finalReplyTo(server(), source);
    expect(reply.content).toContain('I only download attachments from Discord');
    expect(server().requests.some((entry) => entry.path.includes('evil.example.com'))).toBe(false);
  });

  it('GIVEN a flag reaction THEN the message is translated into that language, once', async () => {
    const source = server().sendMessage({ content: 'good morning everyone', author: server().users.bob });
    server().react({ message: source, emoji: '🇯🇵' });
    server().react({ message: source, emoji: '🇯🇵', user: server().users.bob });
    const reply = await finalReplyTo(server(), source);
    expect(reply.content).toContain('English → Japanese');
    // Reactions are handled in order: once a later one is answered, both 🇯🇵 were looked at.
    server().react({ message: source, emoji: '🇫🇷' });
    await server().waitFor(
      () => botRepliesTo(server(), source).find((m) => m.content.includes('English → French')),
      15_000,
      'the later reaction answered',
    );
    expect(botRepliesTo(server(), source).filter((m) => m.content.includes('English → Japanese'))).toHaveLength(1);
  });

  it('GIVEN an answer of 5,000 characters THEN it arrives in several messages that each fit and keep code blocks whole', async () => {
    const code = Array.from({ length: 120 }, (_, i) => `const value${i} = "a long line of code number ${i}";`).join('\n');
    const source = server().sendMessage({ content: `please see:\n\`\`\`js\n${code}\n\`\`\`\nthanks`, author: server().users.bob });
    expect(source.content.length).toBeGreaterThan(5000);
    server().react({ message: source, emoji: '🇫🇷' });
    await finalReplyTo(server(), source);
    const parts = await server().waitFor(
      () => {
        const all = server()
          .messagesIn(source.channel_id)
          .filter((m) => m.author.id === server().botUser.id && BigInt(m.id) > BigInt(source.id));
        return all.length >= 3 && all.some((m) => m.content.includes('→ French')) ? all : undefined;
      },
      30_000,
      'all parts',
    );
    for (const part of parts) {
      expect(part.content.length).toBeLessThanOrEqual(2000);
      expect(part.content.split('\n').filter((line) => line.startsWith('```')).length % 2).toBe(0);
    }
  });
});

describe('what Discord received', () => {
  it('GIVEN everything above THEN every message the bot wrote had mentions disabled and no unknown route was called', () => {
    expect(expectNoPings(server())).toBeGreaterThan(10);
    expect(bot.logs()).not.toContain(server().token);
  });
});

describe('settings inheritance', () => {
  it('GIVEN a lane turned off for a category THEN a thread inside it refuses that lane, and resetting restores it', async () => {
    const set = (value: string) => {
      const record = server().slashCommand({
        name: 'settings',
        options: [
          {
            name: 'set',
            subcommand: [
              { name: 'key', value: 'lanes' },
              { name: 'value', value },
              { name: 'scope', value: 'category' },
            ],
          },
        ],
      });
      return server().waitFor(() => record.response, 10_000);
    };
    const translateInThread = () =>
      server().slashCommand({
        name: 'translate',
        channelId: server().channels.thread.id,
        options: [
          { name: 'text', value: 'hello' },
          { name: 'to', value: 'ja' },
        ],
      });
    expect(((await set('faq,generate,transcribe')) as { data?: { content?: string } }).data?.content).toContain('this category');
    const refused = translateInThread();
    // Acknowledged first (within Discord's 3 s), then the refusal replaces it privately.
    const note = await server().waitFor(
      () =>
        server()
          .messagesIn(server().channels.thread.id)
          .find((m) => m.content.includes('turned off here')),
      10_000,
      'the private refusal',
    );
    expect(refused.response?.type).toBe(5);
    expect((note.flags ?? 0) & 64).toBe(64);
    await set('reset');
    const allowed = translateInThread();
    expect((await answerOf(allowed)).content).toContain('English → Japanese');
  });
});
