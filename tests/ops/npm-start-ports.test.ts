/**
 * `npm start` with `KOTODAMA_HTTP_PORT`: the bot serves on that port and its forked worker on the next one, both
 * answering health checks (without the split, the worker would inherit the bot's port and fail to bind it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANE_NAMES } from '../../src/lanes/index.ts';
import { startBot, type BotUnderTest } from '../e2e/harness.ts';
import { freePort } from '../fault/redis-harness.ts';
import { waitFor } from '../helpers/env.ts';

let bot: BotUnderTest;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  // The harness passes this process's environment on to `npm start`.
  process.env.KOTODAMA_HTTP_PORT = String(port);
  const lanes = Object.fromEntries(LANE_NAMES.filter((lane) => lane !== 'faq').map((lane) => [lane, { enabled: false }]));
  try {
    bot = await startBot({ config: { lanes } });
  } finally {
    delete process.env.KOTODAMA_HTTP_PORT;
  }
}, 90_000);

afterAll(async () => {
  await bot?.stop();
}, 30_000);

describe('npm start with an operations port', () => {
  it('GIVEN KOTODAMA_HTTP_PORT=N THEN the bot answers on N and its worker on N+1, ready', async () => {
    const status = async (url: string) => (await fetch(url).catch(() => undefined))?.status ?? 0;
    expect(await status(`http://127.0.0.1:${port}/healthz`)).toBe(200);
    await waitFor(async () => ((await status(`http://127.0.0.1:${port + 1}/readyz`)) === 200 ? true : undefined), 20_000, 'worker /readyz');
    expect(await status(`http://127.0.0.1:${port}/readyz`)).toBe(200);
  });

  it("GIVEN an answered /ask THEN the bot's metrics have its delivery and end-to-end times", async () => {
    const record = bot.server.slashCommand({ name: 'ask', options: [{ name: 'question', value: 'How do I use this bot?' }] });
    const metrics = await waitFor(
      async () => {
        const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        return /stage="end_to_end"/u.test(body) ? body : undefined;
      },
      30_000,
      'the answer in the bot metrics',
    );
    expect(record.response?.type).toBe(5);
    expect(metrics).toMatch(/kotodama_job_stage_seconds_count\{[^}]*stage="delivery"[^}]*\} [1-9]/u);
    expect(metrics).toMatch(/kotodama_job_stage_seconds_count\{[^}]*stage="end_to_end"[^}]*\} [1-9]/u);
  });
});
