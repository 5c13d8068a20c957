/**
 * Issue 13 row 6: Discord answers 500 to every edit of the placeholder. The reply job must not give up with the
 * member still reading "thinking…": its last attempt posts the answer as a new message, once. The real bot and
 * worker (`npm start`) against the Discord-protocol test server, which injects the failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANE_NAMES } from '../../src/lanes/index.ts';
import { startBot, type BotUnderTest } from '../e2e/harness.ts';

let bot: BotUnderTest;

beforeAll(async () => {
  // Only the FAQ lane: the worker loads one small model, so the bot is up in seconds.
  const lanes = Object.fromEntries(LANE_NAMES.filter((lane) => lane !== 'faq').map((lane) => [lane, { enabled: false }]));
  bot = await startBot({ config: { lanes } });
}, 60_000);

afterAll(async () => {
  await bot.stop();
}, 30_000);

describe('every edit of the placeholder fails with 500', () => {
  it('GIVEN /ask WHEN the answer cannot be edited in THEN it is posted as a new message, once', async () => {
    const server = bot.server;
    server.failNext({ method: 'PATCH', route: /^\/webhooks\/[^/]+\/[^/]+\/messages\//u, status: 500, times: 10_000 });
    const record = server.slashCommand({ name: 'ask', options: [{ name: 'question', value: 'How do I use this bot?' }] });
    const followUp = await server.waitFor(
      () =>
        server.messagesIn(record.channelId).find((message) => record.followupIds.includes(message.id) && message.content.includes('/ask')),
      50_000,
      'the answer as a new message',
    );
    expect(record.response?.type).toBe(5);
    expect(followUp.content).toContain('Use `/ask` for questions about this server');
    // Given a moment, nothing more is posted for the same answer.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const answers = server.messagesIn(record.channelId).filter((message) => message.content.includes('Use `/ask`'));
    expect(answers).toHaveLength(1);
  }, 60_000);
});
