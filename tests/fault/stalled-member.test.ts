/**
 * Issue 13 row 1, as the member sees it: /translate is acknowledged, the worker process running it is killed twice,
 * and the "thinking…" reply becomes "Something went wrong on my side (reference …)" in the member's language, with
 * no Cancel button left. The real bot process, real worker processes killed with SIGKILL, the Discord-protocol server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/index.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { cleanupRedis, REDIS_URL } from '../helpers/env.ts';
import { startBotOnly, type RunningBot } from './redis-harness.ts';

const prefix = `fault-${randomUUID().slice(0, 8)}`;
const server = new FakeDiscord();
const children: ChildProcess[] = [];
let bot: RunningBot;

/** A worker process whose jobs never finish: `ready` once it takes jobs, `running` once it runs one. */
function hangingWorker(): { child: ChildProcess; ready: Promise<void>; running: Promise<ChildProcess> } {
  const child = fork('tests/fault/fixtures/hanging-worker.ts', [], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FAULT_REDIS_URL: REDIS_URL, FAULT_REDIS_PREFIX: prefix },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  const ready = new Promise<void>((resolve) => child.on('message', (m: { type?: string }) => m.type === 'ready' && resolve()));
  const running = new Promise<ChildProcess>((resolve) =>
    child.on('message', (m: { type?: string }) => m.type === 'active' && resolve(child)),
  );
  return { child, ready, running };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  await server.start();
  bot = await startBotOnly(server, REDIS_URL, { KOTODAMA_REDIS_PREFIX: prefix });
}, 60_000);

afterAll(async () => {
  for (const child of children) await kill(child);
  await bot?.stop();
  await server.close();
  await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix } } }));
}, 30_000);

describe('a request whose worker dies twice', () => {
  it('GIVEN /translate WHEN two workers die running it THEN the reply becomes the error with a reference, in Japanese', async () => {
    // Three workers wait for the job (a worker process takes seconds to start on a busy machine).
    const workers = [hangingWorker(), hangingWorker(), hangingWorker()];
    await Promise.all(workers.map((worker) => worker.ready));
    const record = server.slashCommand({
      name: 'translate',
      locale: 'ja',
      options: [
        { name: 'text', value: 'hello' },
        { name: 'to', value: 'ja' },
      ],
    });
    // The second worker to die handed it on to the last one, which finds the second stall and fails the job.
    for (let i = 0; i < 2; i++) {
      const alive = workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);
      await kill(await Promise.race(alive.map((worker) => worker.running)));
    }
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
