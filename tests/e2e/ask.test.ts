/**
 * The everyday path (issue 10): a question asked the natural way — a mention, or a question in an `autoAnswer`
 * channel — is answered from the server's FAQ, with the chat lane on and off; what the FAQ does not cover gets an
 * honest "I don't know" with the closest entries (and is recorded as a miss), and small talk is never a miss.
 */
import type { APIMessage } from 'discord.js';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { laneJobId, replyJobId } from '../../src/queue/job-id.ts';
import { REPLIES_QUEUE } from '../../src/queue/replies.ts';
import type { CommandOptionInput } from '../discord-server/interactions.ts';
import type { InteractionRecord } from '../discord-server/state.ts';
import { REDIS_URL, waitFor } from '../helpers/env.ts';
import { botRepliesTo, finalReplyTo, startBot, type BotUnderTest } from './harness.ts';

let bot: BotUnderTest;
let generate: Queue;
let replies: Queue;
const server = () => bot.server;

beforeAll(async () => {
  bot = await startBot({ config: { discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } } } });
  const connection = createRedis(loadConfig({ env: { REDIS_URL } }).redis, 'worker');
  generate = new Queue('generate', { connection, prefix: bot.prefix });
  replies = new Queue(REPLIES_QUEUE, { connection, prefix: bot.prefix });
  // Every test asks about this entry; each sets the settings it needs, so each stands alone.
  const added = await command('faq', [
    {
      name: 'add',
      subcommand: [
        { name: 'question', value: 'What is the wifi password? | wifi password please' },
        { name: 'answer', value: 'The wifi password is on the **whiteboard** by the door.' },
        { name: 'id', value: 'wifi' },
      ],
    },
  ]);
  expect(added).toContain('`wifi`');
}, 90_000);

afterAll(async () => {
  await generate.close();
  await replies.close();
  expect(await bot.stop()).toBe(0);
}, 60_000);

/** A slash command's visible text, once it is no longer a placeholder. */
function shown(record: InteractionRecord): Promise<string> {
  return server().waitFor(
    () => {
      const response = record.response as { type?: number; data?: { content?: string } } | null;
      if (response?.type === 4) return response.data?.content;
      const original = record.originalMessageId
        ? server()
            .messagesIn(record.channelId)
            .find((m) => m.id === record.originalMessageId)
        : undefined;
      return original && !original.content.startsWith('⏳') ? original.content : undefined;
    },
    30_000,
    `response to ${record.id}`,
  );
}

const command = (name: string, options: CommandOptionInput[]) => shown(server().slashCommand({ name, options }));
const setting = (key: string, value: string) =>
  command('settings', [
    {
      name: 'set',
      subcommand: [
        { name: 'key', value: key },
        { name: 'value', value },
      ],
    },
  ]);
const mention = (text: string) => server().sendMessage({ content: `<@${server().botUser.id}> ${text}`, mentions: [server().botUser] });
const buttonIds = (message: APIMessage) =>
  (message.components ?? []).flatMap((row) =>
    ((row as { components?: { custom_id?: string }[] }).components ?? []).map((b) => b.custom_id ?? ''),
  );

/** Resolves once the bot has handled the reply of `source`'s FAQ job (posted it or decided to stay quiet). */
function replyHandled(source: APIMessage): Promise<true> {
  return waitFor(
    async () => ((await replies.getJobState(replyJobId(laneJobId('faq', source.id)))) === 'completed' ? true : undefined),
    30_000,
    `reply to ${source.id} handled`,
  );
}

describe('a question asked by mention', () => {
  it('GIVEN an entry added with /faq add and chat on THEN a mention asking it gets that answer, with no language model', async () => {
    expect(await setting('lanes', 'reset')).toContain('lanes');
    const question = mention("what's the wifi password?");
    expect((await finalReplyTo(server(), question)).content).toContain('The wifi password is on the **whiteboard** by the door.');
    expect(await generate.getJob(laneJobId('generate', question.id))).toBeUndefined();
  });

  it('GIVEN chat turned off THEN the FAQ still answers, an unrelated question gets "I don\'t know" with buttons and is a miss, and thanks is not', async () => {
    expect(await setting('lanes', 'faq translate transcribe')).toContain('lanes');
    const covered = mention('wifi password please?');
    expect((await finalReplyTo(server(), covered)).content).toContain('**whiteboard**');

    const unrelated = mention('what is the boiling point of mercury in kelvin?');
    const unknown = await finalReplyTo(server(), unrelated);
    expect(unknown.content).toContain("I'm not sure I know the answer");
    expect(buttonIds(unknown).some((id) => id.startsWith('faq:show:'))).toBe(true);
    expect(await generate.getJob(laneJobId('generate', unrelated.id))).toBeUndefined();

    const thanks = mention('thanks!');
    const acknowledged = await finalReplyTo(server(), thanks);
    expect(acknowledged.content).not.toContain("I'm not sure");
    expect(buttonIds(acknowledged)).toEqual([]);

    const misses = await command('faq', [{ name: 'misses', subcommand: [] }]);
    expect(misses).toContain('boiling point of mercury');
    expect(misses.toLowerCase()).not.toContain('thanks');
  });
});

describe('autoAnswer', () => {
  it('GIVEN autoAnswer on THEN a question nobody addressed is answered once when the FAQ covers it, and left alone when not', async () => {
    expect(await setting('autoAnswer', 'on')).toContain('autoAnswer');
    const covered = server().sendMessage({ content: 'Does anyone know the wifi password?' });
    server().replayLast(1);
    expect((await finalReplyTo(server(), covered)).content).toContain('**whiteboard**');

    const uncovered = server().sendMessage({ content: 'is anyone playing chess tonight?' });
    await replyHandled(uncovered);
    await replyHandled(covered);
    expect(botRepliesTo(server(), covered)).toHaveLength(1);
    expect(botRepliesTo(server(), uncovered)).toEqual([]);
  });
});
