/**
 * Issue 13 row 1, as the member sees it: /translate is acknowledged, the worker process running it is killed twice,
 * and the "thinking…" reply becomes "Something went wrong on my side (reference …)" in the member's language, with
 * no Cancel button left. The real bot process, real worker processes killed with SIGKILL, the Discord-protocol server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { cleanupRedis, REDIS_URL } from '../helpers/env.ts';
import { hangingWorker, kill, killRunners, type HangingWorker } from './hanging.ts';
import { startBotOnly, type RunningBot } from './redis-harness.ts';

const prefix = `fault-${randomUUID().slice(0, 8)}`;
const server = new FakeDiscord();
const workers: HangingWorker[] = [];
let bot: RunningBot;

beforeAll(async () => {
  await server.start();
  // Three worker processes wait for the job, started with the bot (a process takes seconds on a busy machine).
  workers.push(hangingWorker(prefix), hangingWorker(prefix), hangingWorker(prefix));
  bot = await startBotOnly(server, REDIS_URL, { KOTODAMA_REDIS_PREFIX: prefix });
  await Promise.all(workers.map((worker) => worker.ready));
}, 90_000);

afterAll(async () => {
  for (const worker of workers) await kill(worker);
  await bot?.stop();
  await server.close();
  await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix } } }));
}, 30_000);

describe('a request whose worker dies twice', () => {
  it('GIVEN /translate WHEN two workers die running it THEN the reply becomes the error with a reference, in Japanese', async () => {
    const record = server.slashCommand({
      name: 'translate',
      locale: 'ja',
      options: [
        { name: 'text', value: 'hello' },
        { name: 'to', value: 'ja' },
      ],
    });
    // The second worker to die handed it on to the last one, which finds the second stall and fails the job.
    await killRunners(workers, 2);
    const answer = await server.waitFor(
      () => {
        const original = record.originalMessageId
          ? server.messagesIn(record.channelId).find((message) => message.id === record.originalMessageId)
          : undefined;
        return original?.content.startsWith('⚠️') ? original : undefined;
      },
      40_000,
      'the error in place of the reply',
    );
    expect(record.response?.type).toBe(5);
    expect(answer.content).toMatch(/参照番号 [\da-f]{8}/u);
    expect(answer.components ?? []).toEqual([]);
    expect(bot.logs()).not.toMatch(/could not be delivered/u);
  }, 55_000);
});
