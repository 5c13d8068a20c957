/**
 * Reading aloud through the real bot, worker and fake Discord on the fixture voice model: `/speak` and "Read
 * aloud" answer with a real voice message (flag, one OGG/Opus attachment that decodes, duration and waveform, no
 * text, no pings); a channel that denies Send Voice Messages gets the audio as a file with the reason; empty or
 * over-long texts get a clear message.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord } from '../discord-server/index.ts';
import { botRepliesTo, fixtureAudio, startBot, type BotUnderTest } from './harness.ts';
import { expectVoiceMessage, VOICE_FLAG, voicePost as voicePostTo } from './voice-helpers.ts';

let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({
    config: {
      discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } },
      // DMs: every voice message is answered, and (voiceReplies) the answer is read back.
      transcribe: { followUps: { answerInDms: true } },
      speak: { voiceReplies: true },
    },
  });
}, 90_000);

afterAll(async () => {
  await bot.stop();
}, 60_000);

interface VoiceBody {
  flags?: number;
  allowed_mentions?: { parse?: unknown[] };
}

/** The bot's accepted voice-message POST to `channelId` after request number `after`. */
const voicePost = (channelId: string, after: number) => voicePostTo(bot.server, channelId, after);

/** The interaction's original response once it no longer shows progress. */
function finalResponse(record: InteractionRecord): Promise<APIMessage> {
  return bot.server.waitFor(
    () => {
      const message = bot.server.messagesIn(record.channelId).find((m) => m.id === record.originalMessageId);
      return message?.content && !message.content.startsWith('⏳') ? message : undefined;
    },
    60_000,
    'final response',
  );
}

describe('voice replies in Discord', () => {
  it('GIVEN /speak with a text THEN a real voice message is posted to the channel and the reply says it was read', async () => {
    const server = bot.server;
    const after = server.requests.length;
    const record = server.slashCommand({
      name: 'speak',
      options: [{ name: 'text', value: 'Hello there. This is kotodama reading aloud.' }],
    });
    const voice = await voicePost(record.channelId, after);
    await expectVoiceMessage(voice);
    const caption = await finalResponse(record);
    expect(caption.content).toContain('🔊 Read aloud in English');
    const posted = server.messagesIn(record.channelId).filter((m) => ((m.flags ?? 0) & VOICE_FLAG) !== 0);
    expect(posted.length).toBeGreaterThan(0);
  }, 90_000);

  it('GIVEN "Read aloud" on a Japanese message THEN it is read in Japanese as a voice message', async () => {
    const server = bot.server;
    const target = server.sendMessage({ content: 'こんにちは。今日はいい天気ですね。' });
    const after = server.requests.length;
    const record = server.messageCommand({ name: 'Read aloud', target });
    await expectVoiceMessage(await voicePost(record.channelId, after));
    expect((await finalResponse(record)).content).toContain('Japanese');
  }, 90_000);

  it('GIVEN a channel that denies Send Voice Messages THEN the audio comes as an ordinary file with the text and the reason', async () => {
    const server = bot.server;
    const channel = server.channels.second;
    server.setVoiceMessagesAllowed(channel.id, false);
    try {
      const record = server.slashCommand({
        name: 'speak',
        channelId: channel.id,
        options: [{ name: 'text', value: 'No voice messages here.' }],
      });
      const fallback = await server.waitFor(
        () =>
          server
            .messagesIn(channel.id)
            .find((m) => m.id !== record.originalMessageId && m.attachments?.some((file) => file.filename.endsWith('.ogg'))),
        60_000,
        'fallback file',
      );
      expect((fallback.flags ?? 0) & VOICE_FLAG).toBe(0);
      expect(fallback.content).toContain("I can't send voice messages here");
      expect(fallback.content).toContain('No voice messages here.');
      expect(fallback.attachments).toHaveLength(1);
      const upload = await server.waitForRequest(
        (entry) =>
          entry.method === 'POST' && entry.route === `/channels/${channel.id}/messages` && entry.status === 200 && entry.files.length > 0,
        10_000,
      );
      expect((upload.body as VoiceBody).allowed_mentions?.parse).toEqual([]);
      expect((upload.body as VoiceBody).flags ?? 0).toBe(0);
    } finally {
      server.setVoiceMessagesAllowed(channel.id, true);
    }
  }, 90_000);

  it('GIVEN nothing to read or a text over the limit THEN the member gets a clear message and no voice message', async () => {
    const server = bot.server;
    const before = server.requests.length;
    const empty = server.slashCommand({
      name: 'speak',
      options: [{ name: 'text', value: '**<:wave:123456789012345678>** <:ok:123456789012345679>' }],
    });
    expect((await finalResponse(empty)).content).toContain('nothing to read aloud');
    const long = server.slashCommand({ name: 'speak', options: [{ name: 'text', value: 'word '.repeat(500) }] });
    expect((await finalResponse(long)).content).toMatch(/characters to read aloud; I read at most 2000/u);
    const voices = server
      .requestsTo('POST', /\/channels\/\d+\/messages$/u)
      .filter((entry) => entry.seq > before && ((entry.body as VoiceBody).flags ?? 0) & VOICE_FLAG);
    expect(voices).toEqual([]);
  }, 90_000);

  it('GIVEN voiceReplies on and a voice message in a DM THEN the transcript and the text answer come, then the answer as a voice message', async () => {
    const server = bot.server;
    const after = server.requests.length;
    const voice = server.addAttachment(fixtureAudio('voice-en.ogg'), 'voice-message.ogg', 'audio/ogg', {
      durationSecs: 3,
      waveform: 'AAAA',
    });
    const source = server.sendMessage({ voice, dm: true });
    const spoken = await voicePost(source.channel_id, after);
    await expectVoiceMessage(spoken);
    const texts = server
      .messagesIn(source.channel_id)
      .filter((m) => m.author.id === server.botUser.id && ((m.flags ?? 0) & VOICE_FLAG) === 0 && m.content && !m.content.startsWith('⏳'));
    // The transcript, then the answer in text, then the voice message reading that answer, all replying to the member.
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts[0]?.content).toContain('transcript of');
    const replies = botRepliesTo(server, source);
    expect(replies.map((m) => ((m.flags ?? 0) & VOICE_FLAG) !== 0)).toEqual([false, false, true]);
  }, 120_000);

  it('GIVEN /settings set voiceReplies THEN the key is known and takes on/off', async () => {
    const server = bot.server;
    const set = (value: string) =>
      server.slashCommand({
        name: 'settings',
        options: [
          {
            name: 'set',
            subcommand: [
              { name: 'key', value: 'voiceReplies' },
              { name: 'value', value },
            ],
          },
        ],
      });
    const on = set('on');
    await server.waitFor(() => on.response, 10_000);
    expect((on.response as { data?: { content?: string } }).data?.content).toContain('voiceReplies** is now true');
    const bad = set('loud');
    await server.waitFor(() => bad.response, 10_000);
    expect((bad.response as { data?: { content?: string } }).data?.content).toContain('voiceReplies takes on or off');
  }, 30_000);
});
