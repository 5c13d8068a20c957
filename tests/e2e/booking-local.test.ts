/**
 * Bookings in the terminal chat (`npm start` without a Discord token): the lane's commands go through the booking
 * queue to the worker process and back, line by line, so a resource is set up, a natural-language request becomes
 * a card, `/confirm <id>` books it, `/mybookings` lists it and `/cancel 1` offers to cancel it.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/index.ts';
import { cleanupRedis, REDIS_URL, waitFor } from '../helpers/env.ts';

const KOTODAMA_REDIS_PREFIX = `test-bk-local-${randomUUID().slice(0, 8)}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: PROJECT_ROOT,
  env: { ...process.env, KOTODAMA_PROFILE: 'fixtures', KOTODAMA_REDIS_PREFIX, REDIS_URL, KOTODAMA_LANGUAGE: 'en' },
  stdio: ['pipe', 'pipe', 'pipe'],
});
let stdout = '';
let stderr = '';
child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Types one line and returns the answer printed for it (the output that follows, up to `until`). */
async function say(line: string, until: RegExp): Promise<string> {
  const from = stdout.length;
  child.stdin.write(`${line}\n`);
  return waitFor(
    () => {
      const printed = stdout.slice(from);
      return until.test(printed) ? printed : undefined;
    },
    // The first line also waits for the worker to start (model-free, but the machine may be busy).
    120_000,
    `answer to ${line}; stdout so far:\n${stdout}\nstderr:\n${stderr}`,
  );
}

afterAll(async () => {
  child.stdin.end();
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000))]);
  if (code === 'timeout') child.kill('SIGKILL');
  await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix: KOTODAMA_REDIS_PREFIX } } }));
  expect(code, stderr).toBe(0);
}, 90_000);

describe('bookings in the terminal chat', () => {
  it('GIVEN /booking-setup, /book in plain words, /confirm THEN /mybookings lists the booking and /cancel offers to cancel it', async () => {
    expect(await say('/booking-setup Table capacity=4 slot=60 hours=17:00-22:00 tz=Asia/Tokyo', /Table/u)).not.toContain('⚠️');
    const card = await say('/book tomorrow at 7pm for 2', /\/confirm \S+/u);
    expect(card).toContain('Please confirm your booking');
    const draft = /\/confirm (\S+)/u.exec(card)?.[1] ?? '';
    expect(await say(`/confirm ${draft}`, /Booked|⚠️/u)).toMatch(/✅ Booked: Table, .+, party of 2\./u);
    const mine = await say('/mybookings', /Your upcoming bookings|⚠️/u);
    expect(mine).toContain('Your upcoming bookings');
    expect(mine).toContain('Table');
    expect(await say('/cancel 1', /\/confirm \S+|⚠️/u)).toContain('Cancel this booking?');
  }, 300_000);

  it('GIVEN /help THEN the booking commands are listed', async () => {
    expect(await say('/help', /\/book <text>.*\n/u)).toContain('kotodama commands:');
  });
});
