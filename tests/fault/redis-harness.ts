/**
 * Fault-test wiring: a private `redis-server` on its own port (so a test can kill it), and the bot process
 * (`npm run bot`, no worker) against it and the Discord-protocol test server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { FakeDiscord } from '../discord-server/index.ts';
import type { InteractionRecord } from '../discord-server/state.ts';
import { waitFor } from '../helpers/env.ts';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * A redis-server of the test's own: without persistence, or with `dir` an append-only file there, written on every
 * command, so a server killed and started again has everything it had accepted (as a production Redis with AOF).
 */
export class PrivateRedis {
  #process: ChildProcess | undefined;
  constructor(
    readonly port: number,
    private readonly dir?: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const persistence = this.dir ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir] : ['--appendonly', 'no'];
    this.#process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
      stdio: 'ignore',
    });
    const probe = createRedis({ url: this.url, prefix: 'x' }, 'worker');
    await waitFor(async () => ((await probe.ping().catch(() => '')) === 'PONG' ? true : undefined), 10_000, 'redis-server');
    probe.disconnect();
  }

  async stop(): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

export interface RunningBot {
  readonly logs: () => string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would: no hand-back, no goodbye. */
  kill(): Promise<void>;
}

/** Starts the bot alone (`--bot-only`) against `redisUrl`; resolves once it is connected to Discord. */
export async function startBotOnly(server: FakeDiscord, redisUrl: string, env: Record<string, string> = {}): Promise<RunningBot> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--bot-only'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      KOTODAMA_PROFILE: 'fixtures',
      KOTODAMA_REDIS_PREFIX: `fault-${randomUUID().slice(0, 8)}`,
      REDIS_URL: redisUrl,
      DISCORD_TOKEN: server.token,
      DISCORD_API_URL: server.apiUrl,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    server.waitFor(() => (logs.includes('discord bot ready') ? true : undefined), 50_000, 'bot ready'),
    exited.then(() => Promise.reject(new Error(`bot exited before it was ready:\n${logs}`))),
  ]);
  return {
    logs: () => logs,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Every text the bot sent for an interaction: its callback, edits of the original and follow-ups. */
export function interactionTexts(server: FakeDiscord, record: InteractionRecord): string[] {
  return server.state.requests
    .filter((entry) => entry.route.includes(record.token) || entry.route.includes(`/interactions/${record.id}/`))
    .flatMap((entry) => {
      const body = (entry.body ?? {}) as { content?: unknown; data?: { content?: unknown } };
      const content = body.content ?? body.data?.content;
      return typeof content === 'string' ? [content] : [];
    });
}
