/**
 * Issue 13, "Done when": Redis down for 10 s during a stream — every request answered or told, nothing accepted lost.
 * A /chat is streaming when the Redis server dies (killed; an append-only file keeps what it had accepted, as in
 * production); for 10 s a second /chat is told the queue is unreachable; Redis comes back and the first member gets
 * the whole answer, once. The real bot process, a worker in this process, the Discord-protocol server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { coreMessages } from '../../src/i18n/messages.ts';
import type { GenerateResult } from '../../src/lanes/generate/schema.ts';
import { WorkerHost } from '../../src/queue/worker-host.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { quietLogger } from '../helpers/env.ts';
import { generateLane } from '../helpers/lanes.ts';
import { freePort, interactionTexts, PrivateRedis, startBotOnly, type RunningBot } from './redis-harness.ts';

const WORDS = 12;
const prefix = `fault-${Date.now().toString(36)}`;
const server = new FakeDiscord();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let redis: PrivateRedis;
let bot: RunningBot;
let host: WorkerHost;
let streaming: () => void;
const started = new Promise<void>((resolve) => (streaming = resolve));

beforeAll(async () => {
  await server.start();
  redis = new PrivateRedis(await freePort(), mkdtempSync(path.join(tmpdir(), 'kotodama-aof-')));
  await redis.start();
  const config = loadConfig({ env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL: redis.url }, overrides: { redis: { prefix } } });
  // A chat model that writes one word every 500 ms: long enough for Redis to die in the middle.
  const processor = async (_input: unknown, context: { report: (progress: { delta: string }) => void }): Promise<GenerateResult> => {
    let text = '';
    for (let i = 0; i < WORDS; i++) {
      if (i === 2) streaming();
      text += `word${i} `;
      context.report({ delta: `word${i} ` });
      await sleep(500);
    }
    return { text: text.trim(), finishReason: 'stop', newTokens: WORDS };
  };
  host = new WorkerHost({ config, lanes: [{ lane: generateLane, processor }], logger: quietLogger });
  await host.start();
  bot = await startBotOnly(server, redis.url, { KOTODAMA_REDIS_PREFIX: prefix });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await host?.close(1_000);
  await redis?.stop();
  await server.close();
}, 30_000);

describe('Redis down during a stream', () => {
  it('GIVEN a /chat streaming WHEN Redis is down for 10 s THEN newcomers are told, and the stream is answered once', async () => {
    const first = server.slashCommand({ name: 'chat', options: [{ name: 'prompt', value: 'tell me twelve words' }] });
    await started;
    await redis.stop();
    await sleep(1_000);
    const during = server.slashCommand({ name: 'chat', user: server.users.bob, options: [{ name: 'prompt', value: 'are you there?' }] });
    const told = await server.waitFor(
      () => interactionTexts(server, during).find((text) => text === coreMessages.queueUnavailable.en),
      10_000,
      'the newcomer told the queue is unreachable',
    );
    expect(during.response?.type).toBeDefined(); // acknowledged, then told
    expect(told).toBe(coreMessages.queueUnavailable.en);
    await sleep(9_000); // ten seconds down in all
    await redis.start();

    const whole = Array.from({ length: WORDS }, (_, i) => `word${i}`).join(' ');
    const answer = await server.waitFor(
      () => interactionTexts(server, first).find((text) => text.includes(whole)),
      40_000,
      'the streamed answer after the outage',
    );
    expect(answer).toContain(whole);
    await sleep(1_500);
    const finals = interactionTexts(server, first).filter((text) => text.includes(whole) && !text.endsWith('▌'));
    expect(finals).toHaveLength(1);
  }, 90_000);
});
