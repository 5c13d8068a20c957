/**
 * Issue 13 row 5: a burst of interactions is acknowledged within Discord's 3 s, because the bot acknowledges before
 * any Redis round trip (settings, rate limit, enqueue) and interaction callbacks do not wait behind the bot's global
 * REST limit. The real bot process (no worker: the jobs just queue), a private Redis, the Discord-protocol server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeDiscord } from '../discord-server/index.ts';
import { freePort, PrivateRedis, startBotOnly, type RunningBot } from './redis-harness.ts';

const BURST = 2_000;
const server = new FakeDiscord();
let redis: PrivateRedis;
let bot: RunningBot;

beforeAll(async () => {
  await server.start();
  redis = new PrivateRedis(await freePort());
  await redis.start();
  const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'kotodama-burst-')), 'config.yaml');
  writeFileSync(configFile, stringify({ discord: { rateLimit: { userPerMinute: 100_000, guildPerMinute: 100_000 } } }));
  bot = await startBotOnly(server, redis.url, { KOTODAMA_CONFIG: configFile });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await redis?.stop();
  await server.close();
}, 30_000);

describe('a burst of interactions', () => {
  it(`GIVEN ${BURST} slash commands at once THEN every one is acknowledged within 3 s`, async () => {
    const records = Array.from({ length: BURST }, (_, i) =>
      server.slashCommand({
        name: 'ask',
        user: i % 2 ? server.users.alice : server.users.bob,
        options: [{ name: 'question', value: `q${i}?` }],
      }),
    );
    await server.waitFor(() => (records.every((record) => record.response) ? true : undefined), 30_000, 'every acknowledgement');
    const late = records.filter((record) => (record.response?.elapsedMs ?? Infinity) >= 3_000);
    const slowest = Math.max(...records.map((record) => record.response?.elapsedMs ?? Infinity));
    expect(late.length, `slowest acknowledgement ${slowest} ms`).toBe(0);
  }, 45_000);
});
