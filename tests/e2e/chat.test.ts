/**
 * Chat end to end: the real bot process and worker against the fake Discord server, on real Redis. DMs and
 * threads remember the conversation (also across a bot restart), `/chat reset` and `/forget-me` forget,
 * a trigger word starts a chat, and a voice message's transcript in the chain is the member's turn.
 */
import { Queue } from 'bullmq';
import type { APIMessage } from 'discord.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerText, ChatMemory } from '../../src/lanes/generate/memory.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { CommandOptionInput } from '../discord-server/interactions.ts';
import { REDIS_URL, waitFor } from '../helpers/env.ts';
import { botRepliesTo, finalReplyTo, fixtureAudio, startBot, type BotUnderTest } from './harness.ts';

// Chat memory is what these tests are about: questions go to chat directly (the FAQ-first path is tested in faq.test.ts).
const CONFIG = { discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 }, defaults: { answerMode: 'chat-only' } } };
let bot: BotUnderTest;
let queue: Queue;
let redis: Redis;
const server = () => bot.server;

interface Turn {
  role: string;
  content: string;
}

/**
 * The chat job of a message: the turns it was asked with, what it answered, and how many turns the model saw. The
 * worker publishes the answer before BullMQ records the job as completed, so the answer on Discord can come first:
 * wait for the job's result.
 */
async function chatJob(source: APIMessage | string): Promise<{ messages: Turn[]; text: string; contextTurns: number }> {
  const id = `generate-${typeof source === 'string' ? source : source.id}`;
  const job = await waitFor(
    async () => ((await queue.getJobState(id)) === 'completed' ? queue.getJob(id) : undefined),
    10_000,
    `${id} completed`,
  );
  const messages = (job?.data as { input: { messages: Turn[] } }).input.messages.filter((m) => m.role !== 'system');
  const result = job?.returnvalue as { text?: string; contextTurns?: number } | undefined;
  return { messages, text: result?.text ?? '', contextTurns: result?.contextTurns ?? -1 };
}

async function dm(content: string): Promise<APIMessage> {
  const source = server().sendMessage({ dm: true, content });
  await finalReplyTo(server(), source);
  return source;
}

async function command(name: string, options: CommandOptionInput[], channelId?: string): Promise<string> {
  const record = server().slashCommand({ name, options, ...(channelId ? { channelId } : {}) });
  await server().waitFor(() => record.response, 10_000, `/${name} response`);
  return (record.response as { data?: { content?: string } }).data?.content ?? '';
}

beforeAll(async () => {
  bot = await startBot({ config: CONFIG });
  queue = new Queue('generate', { connection: createRedis(loadConfig({ env: { REDIS_URL } }).redis, 'worker'), prefix: bot.prefix });
  redis = new Redis(REDIS_URL);
}, 90_000);

afterAll(async () => {
  await queue.close();
  redis.disconnect();
  expect(await bot.stop()).toBe(0);
}, 60_000);

describe('chat memory', () => {
  it('GIVEN three DMs and a bot restart THEN each turn sees the conversation so far; /chat reset forgets it', async () => {
    const first = await dm('my favourite fruit is pineapple');
    const second = await dm('and my favourite colour is blue');
    const third = await dm('what did I tell you?');
    const one = await chatJob(first);
    const two = await chatJob(second);
    const three = await chatJob(third);
    expect(one.contextTurns).toBe(1);
    expect(two.contextTurns).toBe(3);
    expect(three.contextTurns).toBe(5);
    // The DM's history is kept in Redis, with the answers as the member read them (without the bot's footers).
    const memory = new ChatMemory(redis, bot.prefix);
    const dmConversation = { kind: 'dm' as const, userId: server().users.alice.id };
    expect(await memory.history(dmConversation, 100_000)).toEqual([
      { role: 'user', content: 'my favourite fruit is pineapple' },
      { role: 'assistant', content: answerText(one.text) },
      { role: 'user', content: 'and my favourite colour is blue' },
      { role: 'assistant', content: answerText(two.text) },
      { role: 'user', content: 'what did I tell you?' },
      { role: 'assistant', content: answerText(three.text) },
    ]);

    await bot.stop(true);
    bot = await startBot({ config: CONFIG, server: server(), prefix: bot.prefix });
    expect((await chatJob(await dm('still there?'))).contextTurns).toBe(7);

    const reset = await command('chat', [{ name: 'reset', value: true }], server().dmChannel(server().users.alice).id);
    expect(reset).toContain('I forgot our conversation here');
    expect((await chatJob(await dm('fresh start'))).contextTurns).toBe(1);
  }, 120_000);

  it("GIVEN a thread THEN it keeps its history, and /forget-me removes the member's part of it", async () => {
    const thread = server().channels.thread.id;
    const mention = `<@${server().botUser.id}>`;
    const ask = async (content: string) => {
      const source = server().sendMessage({ channelId: thread, content: `${mention} ${content}`, mentions: [server().botUser] });
      await finalReplyTo(server(), source);
      return source;
    };
    await ask('thread question one');
    const second = await chatJob(await ask('thread question two'));
    expect(second.messages).toEqual([{ role: 'user', content: 'thread question two' }]);
    expect(second.contextTurns).toBe(3);

    const key = `${bot.prefix}:bot:chat:thread:${thread}`;
    expect(await redis.llen(key)).toBe(2);
    expect(await command('forget-me', [])).toMatch(/deleted what I stored about you \([1-9]\d* records?\)/u);
    expect(await redis.llen(key)).toBe(0);
  }, 60_000);
});

describe('chat triggers and chains', () => {
  it('GIVEN a trigger word set with /settings THEN a message containing it starts a chat without a mention', async () => {
    const set = await command('settings', [
      {
        name: 'set',
        subcommand: [
          { name: 'key', value: 'triggerWord' },
          { name: 'value', value: 'kotoba' },
        ],
      },
    ]);
    expect(set).toContain('triggerWord** is now "kotoba"');
    const source = server().sendMessage({ content: 'hey Kotoba, how are you?' });
    await finalReplyTo(server(), source);
    expect((await chatJob(source)).messages.at(-1)).toEqual({ role: 'user', content: 'hey Kotoba, how are you?' });
    const unrelated = server().sendMessage({ content: 'kotobasaurus is not the word' });
    // Messages are handled in order: once a later triggered one is answered, the unrelated one was looked at.
    await finalReplyTo(server(), server().sendMessage({ content: 'kotoba again' }));
    expect(await queue.getJob(`generate-${unrelated.id}`)).toBeUndefined();
    expect(botRepliesTo(server(), unrelated)).toEqual([]);
  }, 60_000);

  it("GIVEN a reply to a voice message's transcript THEN the transcript is the member's turn", async () => {
    await command('settings', [
      {
        name: 'set',
        subcommand: [
          { name: 'key', value: 'autoTranscribe' },
          { name: 'value', value: 'on' },
        ],
      },
    ]);
    const voice = server().addAttachment(fixtureAudio('voice-en.ogg'), 'voice-message.ogg', 'audio/ogg', { durationSecs: 3 });
    const transcript = await finalReplyTo(server(), server().sendMessage({ voice }), 60_000);
    const followUp = server().sendMessage({ content: 'what do you think about that?', replyTo: transcript });
    await finalReplyTo(server(), followUp);
    const { messages } = await chatJob(followUp);
    expect(messages).toEqual([
      { role: 'user', content: answerText(transcript.content) },
      { role: 'user', content: 'what do you think about that?' },
    ]);
  }, 90_000);
});
