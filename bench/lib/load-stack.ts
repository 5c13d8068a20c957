/**
 * What a load run drives: a private `redis-server` (so its command counter is the bot's alone), the project's
 * Discord-protocol server, and the real bot started as `npm start` starts it (bot + worker processes, fixtures
 * profile). Logs are kept as a bounded tail, printed only if something fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { FakeDiscord } from '../../tests/discord-server/index.ts';
import { freePort, PrivateRedis } from '../../tests/fault/redis-harness.ts';

const LOG_TAIL_CHARS = 20_000;

export interface LoadStack {
  readonly server: FakeDiscord;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly logTail: () => string;
  /** Warn/error log lines of the bot and workers so far, counted by level and message. */
  readonly warnings: () => Record<string, number>;
  /** Redis's `total_commands_processed`. */
  commandsProcessed(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts Redis, the Discord-protocol server and `src/main.ts` with `config` merged over the fixtures profile. */
export async function startLoadStack(config: Record<string, unknown>): Promise<LoadStack> {
  const server = new FakeDiscord();
  await server.start();
  const redis = new PrivateRedis(await freePort());
  await redis.start();
  const prefix = 'load';
  const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'kotodama-load-')), 'config.yaml');
  writeFileSync(configFile, stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      KOTODAMA_PROFILE: 'fixtures',
      KOTODAMA_CONFIG: configFile,
      KOTODAMA_REDIS_PREFIX: prefix,
      REDIS_URL: redis.url,
      DISCORD_TOKEN: server.token,
      DISCORD_API_URL: server.apiUrl,
      DISCORD_ATTACHMENT_HOSTS: `cdn.discordapp.com,${server.attachmentHost}`,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  let partial = '';
  const warnings: Record<string, number> = {};
  const count = (line: string) => {
    try {
      const entry = JSON.parse(line) as { level?: unknown; msg?: unknown };
      if (typeof entry.level !== 'number' || entry.level < 40) return;
      const key = `${entry.level >= 50 ? 'error' : 'warn'}: ${String(entry.msg)}`;
      warnings[key] = (warnings[key] ?? 0) + 1;
    } catch {
      // not a JSON log line
    }
  };
  let ready = { bot: false, workers: false };
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    ready = { bot: ready.bot || text.includes('discord bot ready'), workers: ready.workers || text.includes('workers ready') };
    logs = (logs + text).slice(-LOG_TAIL_CHARS);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach(count);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const counter = createRedis({ url: redis.url, prefix }, 'worker');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
    counter.disconnect();
    await redis.stop();
    await server.close();
  };
  try {
    await Promise.race([
      server.waitFor(() => ready.bot && ready.workers, 180_000, 'bot and workers ready'),
      exited.then(() => Promise.reject(new Error(`bot exited before it was ready:\n${logs}`))),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    server,
    redisUrl: redis.url,
    prefix,
    logTail: () => logs,
    warnings: () => ({ ...warnings }),
    async commandsProcessed() {
      const stats = await counter.info('stats');
      return Number(/total_commands_processed:(\d+)/u.exec(stats)?.[1] ?? Number.NaN);
    },
    stop,
  };
}
