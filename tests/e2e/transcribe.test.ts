/**
 * Speech through the real bot: a two-minute clip comes back with .txt/.srt attachments and buttons,
 * and a transcript button starts a new job from the stored transcript.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAudio, startBot, type BotUnderTest } from './harness.ts';

let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({ config: { discord: { rateLimit: { userPerMinute: 1000, guildPerMinute: 1000 } } } });
}, 90_000);

afterAll(async () => {
  await bot.stop();
}, 60_000);

describe('transcripts in Discord', () => {
  it('GIVEN a two-minute clip THEN the transcript arrives with .txt and .srt files and buttons, and Translate answers in a new message', async () => {
    const server = bot.server;
    const attachment = server.addAttachment(fixtureAudio('long-2min.ogg'), 'meeting.ogg', 'audio/ogg');
    const record = server.slashCommand({
      name: 'transcribe',
      options: [
        { name: 'audio', attachment },
        { name: 'language', value: 'en' },
      ],
    });
    const answer = await server.waitFor(
      () => {
        const message = server.messagesIn(record.channelId).find((m) => m.id === record.originalMessageId);
        return message && !message.content.startsWith('⏳') && (message.attachments?.length ?? 0) > 0 ? message : undefined;
      },
      90_000,
      'transcript with files',
    );
    const names = (answer.attachments ?? []).map((file) => file.filename).sort();
    expect(names).toEqual(['transcript.srt', 'transcript.txt']);
    // The message changes before the request is logged: wait for the log entry itself.
    const upload = await server.waitForRequest((entry) => entry.files.some((file) => file.name === 'transcript.srt'), 10_000);
    expect(upload?.files.find((file) => file.name === 'transcript.srt')?.bytes.toString('utf8')).toMatch(/^1\r?\n00:00:00,000 --> /u);

    const buttons = (answer.components?.[0] as { components: { custom_id: string; label: string }[] } | undefined)?.components ?? [];
    const translate = buttons.find((button) => button.label.startsWith('Translate'));
    expect(translate).toBeDefined();
    const click = server.clickButton({ message: answer, customId: translate?.custom_id ?? '' });
    const translated: APIMessage = await server.waitFor(
      () => {
        const message = server.messagesIn(record.channelId).find((m) => m.id === click.originalMessageId);
        return message?.content && !message.content.startsWith('⏳') ? message : undefined;
      },
      30_000,
      'translation from the button',
    );
    expect(translated.content).toContain('English → Japanese');
    // "Answer" passes the stored transcript to the FAQ lane as its own job.
    const faqButton = buttons.find((button) => button.label === 'Answer');
    const ask = server.clickButton({ message: answer, customId: faqButton?.custom_id ?? '' });
    const faqAnswer: APIMessage = await server.waitFor(
      () => {
        const message = server.messagesIn(record.channelId).find((m) => m.id === ask.originalMessageId);
        return message?.content && !message.content.startsWith('⏳') ? message : undefined;
      },
      30_000,
      'FAQ answer from the button',
    );
    expect(faqAnswer.content).toMatch(/FAQ:|don't know|not sure/u);
    // The transcript itself is untouched.
    expect(server.messagesIn(record.channelId).find((m) => m.id === answer.id)?.attachments).toHaveLength(2);
  }, 150_000);
});
