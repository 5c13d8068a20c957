/**
 * End-to-end harness: the fake Discord server, and the real bot started as a user would start it
 * (`npm start` with a token: bot + a worker process on the fixture models), on a private Redis prefix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIMessage } from 'discord.js';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/index.ts';
import { merge } from '../../src/config/load.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { cleanupRedis, REDIS_URL } from '../helpers/env.ts';

export interface BotUnderTest {
  readonly server: FakeDiscord;
  readonly prefix: string;
  readonly logs: () => string;
  /** Stops the bot (and its worker); `keep` leaves the server running and Redis as it is. */
  stop(keep?: boolean): Promise<number | null>;
}

export async function startBot(
  options: { config?: Record<string, unknown>; args?: string[]; server?: FakeDiscord; prefix?: string } = {},
): Promise<BotUnderTest> {
  const server = options.server ?? new FakeDiscord();
  if (!options.server) await server.start();
  const prefix = options.prefix ?? `test-e2e-${randomUUID().slice(0, 8)}`;
  const configFile = path.join(mkdtempSync(path.join(tmpdir(), 'kotodama-e2e-')), 'config.yaml');
  // The fixture embedder's similarities are random: lexical FAQ retrieval keeps answers meaningful in these tests.
  writeFileSync(configFile, stringify(merge({ faq: { denseWeight: 0 } }, options.config ?? {})));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...(options.args ?? [])], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      KOTODAMA_PROFILE: 'fixtures',
      KOTODAMA_CONFIG: configFile,
      KOTODAMA_REDIS_PREFIX: prefix,
      REDIS_URL,
      DISCORD_TOKEN: server.token,
      DISCORD_API_URL: server.apiUrl,
      DISCORD_ATTACHMENT_HOSTS: `cdn.discordapp.com,${server.attachmentHost}`,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await Promise.race([
    // npm start connects before its worker processes are up (lanes get ready one by one); tests want both.
    server.waitFor(
      () =>
        logs.includes('discord bot ready') && (options.args?.includes('--bot-only') || logs.includes('workers ready')) ? true : undefined,
      90_000,
      'bot ready',
    ),
    exited.then((code) => Promise.reject(new Error(`bot exited (${code}) before it was ready:\n${logs}`))),
  ]);
  return {
    server,
    prefix,
    logs: () => logs,
    async stop(keep = false) {
      child.kill('SIGTERM');
      const code = await exited;
      if (keep) return code;
      if (!options.server) await server.close();
      await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix } } }));
      return code;
    },
  };
}

export function fixtureAudio(name: string): Buffer {
  return readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio', name));
}

/** The bot's messages in a channel that reply to `source` (by message reference). */
export function botRepliesTo(server: FakeDiscord, source: APIMessage): APIMessage[] {
  return server
    .messagesIn(source.channel_id)
    .filter((message) => message.author.id === server.botUser.id && message.message_reference?.message_id === source.id);
}

/** Waits until the bot's reply to `source` no longer shows a "⏳" placeholder, and returns it. */
export function finalReplyTo(server: FakeDiscord, source: APIMessage, timeoutMs = 30_000): Promise<APIMessage> {
  return server.waitFor(
    () => botRepliesTo(server, source).find((message) => !message.content.startsWith('⏳')),
    timeoutMs,
    `final reply to ${source.id}`,
  );
}

/**
 * Nothing the bot wrote so far could ping anyone (every message, webhook and callback with text or embeds allows no
 * mentions), and every route it called exists. Returns how many writes were checked.
 */
export function expectNoPings(server: FakeDiscord): number {
  const writes = server.requests.filter(
    (entry) => ['POST', 'PATCH'].includes(entry.method) && /\/(messages|webhooks|callback)/u.test(entry.route),
  );
  for (const entry of writes) {
    type Payload = { content?: string; embeds?: unknown[]; allowed_mentions?: { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } };
    const body = entry.body as (Payload & { data?: Payload }) | null;
    const payload = body?.data ?? body ?? {};
    if (payload.content || payload.embeds?.length) {
      expect(payload.allowed_mentions?.parse, `${entry.method} ${entry.route}`).toEqual([]);
      expect(payload.allowed_mentions?.users ?? [], `${entry.method} ${entry.route}`).toEqual([]);
      expect(payload.allowed_mentions?.roles ?? [], `${entry.method} ${entry.route}`).toEqual([]);
    }
  }
  expect(server.unmatchedRequests()).toEqual([]);
  return writes.length;
}
