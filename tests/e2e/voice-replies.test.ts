/**
 * Voice replies where members talk to the bot, through the real bot, worker and fake Discord on the fixture models:
 * in a server channel, a voice message replying to the bot is answered in text and, once an admin turns
 * `voiceReplies` on with /settings, also as a voice message; in a DM a member turns it on for themselves with
 * /settings, and /forget-me forgets it. The fixture transcripts are random text, so nothing here depends on a
 * transcript reading as a question.
 */
import type { APIMessage } from 'discord.js';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { laneJobId } from '../../src/queue/job-id.ts';
import type { CommandOptionInput } from '../discord-server/index.ts';
import { REDIS_URL, waitFor } from '../helpers/env.ts';
import { botRepliesTo, finalReplyTo, fixtureAudio, startBot, type BotUnderTest } from './harness.ts';
import { expectVoiceMessage, VOICE_FLAG, voicePost } from './voice-helpers.ts';

let bot: BotUnderTest;
let generate: Queue;
let speak: Queue;
const server = () => bot.server;

beforeAll(async () => {
  bot = await startBot({
    config: {
      discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } },
      // DMs: every voice message is answered (the fixture transcript is random text, rarely a question).
      transcribe: { followUps: { answerInDms: true } },
    },
  });
  const connection = createRedis(loadConfig({ env: { REDIS_URL } }).redis, 'worker');
  generate = new Queue('generate', { connection, prefix: bot.prefix });
  speak = new Queue('speak', { connection, prefix: bot.prefix });
}, 90_000);

afterAll(async () => {
  await generate.close();
  await speak.close();
  expect(await bot.stop()).toBe(0);
}, 60_000);

function voiceMessage(options: { dm?: boolean; replyTo?: APIMessage } = {}): APIMessage {
  const voice = server().addAttachment(fixtureAudio('voice-en.ogg'), 'voice-message.ogg', 'audio/ogg', {
    durationSecs: 3,
    waveform: 'AAAA',
  });
  return server().sendMessage({ voice, ...options });
}

/** A slash command's private answer (the bot's own commands answer at once). */
async function command(name: string, options: CommandOptionInput[] = [], dm = false): Promise<string> {
  const channelId = dm ? server().dmChannel(server().users.alice).id : server().channels.general.id;
  const record = server().slashCommand({ name, options, channelId });
  await server().waitFor(() => record.response, 10_000, `${name} response`);
  return (record.response as { data?: { content?: string } }).data?.content ?? '';
}

const setting = (key: string, value: string, dm = false) =>
  command(
    'settings',
    [
      {
        name: 'set',
        subcommand: [
          { name: 'key', value: key },
          { name: 'value', value },
        ],
      },
    ],
    dm,
  );

/** The chat answer to `source` finished (the step that would queue a reading is done), and no reading was queued. */
async function expectAnsweredWithoutVoice(source: APIMessage): Promise<void> {
  await waitFor(async () => (await generate.getJob(laneJobId('generate', source.id)))?.finishedOn !== undefined, 60_000, 'chat answer');
  expect(await speak.getJob(laneJobId('speak', source.id))).toBeUndefined();
}

describe('voice replies where members talk to the bot', () => {
  it('GIVEN a voice message replying to the bot in a channel THEN it is answered in text, and with voiceReplies on also as a voice message', async () => {
    const asked = server().sendMessage({ content: `<@${server().botUser.id}> hello, can you hear me?` });
    const answer = await finalReplyTo(server(), asked, 60_000);

    const unspoken = voiceMessage({ replyTo: answer });
    await waitForAnswer(unspoken);
    await expectAnsweredWithoutVoice(unspoken);

    expect(await setting('voiceReplies', 'on')).toContain('voiceReplies** is now true');
    const after = server().requests.length;
    const spoken = voiceMessage({ replyTo: answer });
    await expectVoiceMessage(await voicePost(server(), spoken.channel_id, after));
    // The transcript, the answer in text, then the answer read aloud, all replying to the voice message.
    const replies = botRepliesTo(server(), spoken);
    expect(replies.map((m) => ((m.flags ?? 0) & VOICE_FLAG) !== 0)).toEqual([false, false, true]);
    expect(replies[0]?.content).toContain('transcript of');
    expect(replies[1]?.content.trim()).not.toBe('');
  }, 180_000);

  it('GIVEN a member turning voiceReplies on in their DM THEN their voice messages get voice messages back, until /forget-me', async () => {
    // The server's voiceReplies (on since the test above) does not reach DMs.
    const before = voiceMessage({ dm: true });
    await expectAnsweredWithoutVoice(before);

    expect(await setting('voiceReplies', 'on', true)).toContain('voiceReplies** is now true for your DMs');
    expect(await setting('autoAnswer', 'on', true)).toContain('In DMs you can change only voiceReplies');

    const after = server().requests.length;
    const spoken = voiceMessage({ dm: true });
    await expectVoiceMessage(await voicePost(server(), spoken.channel_id, after));
    expect(botRepliesTo(server(), spoken).map((m) => ((m.flags ?? 0) & VOICE_FLAG) !== 0)).toEqual([false, false, true]);
    expect(await command('settings', [{ name: 'show', subcommand: [] }], true)).toContain('**voiceReplies**: `true`');

    expect(await command('forget-me', [], true)).toContain('Done');
    const forgotten = voiceMessage({ dm: true });
    await expectAnsweredWithoutVoice(forgotten);
    expect(await command('settings', [{ name: 'show', subcommand: [] }], true)).toContain('**voiceReplies**: `false`');
  }, 240_000);
});

/** The bot's transcript and text answer to `source` (two replies that are no longer placeholders). */
function waitForAnswer(source: APIMessage): Promise<APIMessage[]> {
  return server().waitFor(
    () => {
      const replies = botRepliesTo(server(), source).filter((m) => m.content && !m.content.startsWith('⏳'));
      return replies.length >= 2 ? replies : undefined;
    },
    60_000,
    'transcript and answer',
  );
}
