/**
 * A new owner's first `npm start`: the token only in `.env`, started from that folder. It connects to Discord (the
 * project's Discord-protocol test server) and a failed start leaves no process behind.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/index.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { cleanupRedis, REDIS_URL, waitFor } from '../helpers/env.ts';
import { runScript } from '../helpers/spawn.ts';
import { alive, startHub, startInFolder, workerPids, type Started } from './first-run-helpers.ts';

/** Only the FAQ lane: a start is cheap and still forks a worker. */
const OFF = { enabled: false };
const FAQ_ONLY = { lanes: { translate: OFF, transcribe: OFF, generate: OFF, speak: OFF, booking: OFF } };

let server: FakeDiscord;
const started: Started[] = [];

beforeAll(async () => {
  server = new FakeDiscord();
  await server.start();
});

afterAll(async () => {
  for (const run of started) {
    run.child.kill('SIGKILL');
    await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix: run.prefix } } }));
  }
  await server.close();
});

/** FAQ and translation: two worker processes with the default layout. */
const TWO_LANES = { workers: { layout: [] }, lanes: { transcribe: OFF, generate: OFF, speak: OFF, booking: OFF } };

function start(dotenv: Record<string, string>, config: Record<string, unknown> = FAQ_ONLY): Started {
  const run = startInFolder({ DISCORD_API_URL: server.apiUrl, ...dotenv }, config);
  started.push(run);
  return run;
}

describe('npm start on a fresh install', () => {
  it('GIVEN DISCORD_TOKEN only in .env THEN it connects to Discord instead of opening the terminal chat', async () => {
    const run = start({ DISCORD_TOKEN: server.token });
    await Promise.race([
      waitFor(() => run.output().includes('discord bot ready'), 90_000, 'bot ready'),
      run.exited.then((code) => Promise.reject(new Error(`exited ${code}:\n${run.output()}`))),
    ]);
    // The commands were registered by themselves (globally: no DISCORD_GUILD_ID).
    await waitFor(() => run.output().includes('slash commands'), 30_000, 'registration');
    expect(run.output()).toMatch(/registered \d+ slash commands globally/u);
    const names = server.state.commands('global').map((command) => command.name);
    expect(names).toContain('help');
    expect(names.length).toBeGreaterThan(5);
    const pids = workerPids(run.output());
    expect(pids.length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
  }, 120_000);

  it('GIVEN a bad token in .env THEN it says the token was rejected, exits 1 and leaves no worker running', async () => {
    const run = start({ DISCORD_TOKEN: 'MTIz.bad.token' });
    const code = await run.exited;
    expect(code, run.output()).toBe(1);
    expect(run.output()).toContain('Discord rejected DISCORD_TOKEN');
    const pids = workerPids(run.output());
    expect(pids.length, run.output()).toBeGreaterThan(0);
    await waitFor(() => pids.every((pid) => !alive(pid)), 15_000, 'workers gone');
  }, 120_000);

  it('GIVEN a start killed while its workers are still starting THEN they exit too', async () => {
    const run = start({ DISCORD_TOKEN: server.token }, TWO_LANES);
    await waitFor(() => workerPids(run.output()).length === 2 || undefined, 60_000, 'workers forked');
    const pids = workerPids(run.output());
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // mid start-up: compiling, connecting, loading models
    run.child.kill('SIGKILL');
    await run.exited;
    await waitFor(() => pids.every((pid) => !alive(pid)), 40_000, 'workers gone');
  }, 120_000);

  it('GIVEN two lanes WHEN started THEN each has its own worker process, and a killed start leaves none', async () => {
    const run = start({ DISCORD_TOKEN: server.token }, TWO_LANES);
    await waitFor(() => run.output().includes('slash commands'), 90_000, 'bot ready and registration');
    // The same commands as the first start registered: nothing to change.
    expect(run.output()).toMatch(/slash commands unchanged \(\d+ globally\)/u);
    const pids = workerPids(run.output());
    expect(pids).toHaveLength(2);
    expect(run.output()).toMatch(/"lanes":\["faq"\][^\n]*worker process started/u);
    expect(run.output()).toMatch(/"lanes":\["translate"\][^\n]*worker process started/u);
    expect(pids.every(alive)).toBe(true);
    run.child.kill('SIGKILL');
    await run.exited;
    await waitFor(() => pids.every((pid) => !alive(pid)), 40_000, 'orphaned workers gone');
  }, 150_000);
});

describe('lanes ready one by one', () => {
  it('GIVEN the FAQ model present and the translation model downloading THEN FAQ answers and translation says how far it is', async () => {
    const hub = await startHub(4_000); // the translation model (≈ 300 kB) takes over a minute
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-first-models-'));
    cpSync(path.join(PROJECT_ROOT, 'tests/fixtures/models/tiny-random-bert'), path.join(dir, 'tiny-random-bert'), { recursive: true });
    const configFile = path.join(dir, 'config.yaml');
    writeFileSync(
      configFile,
      'workers: { layout: [] }\nlanes:\n  transcribe: { enabled: false }\n  generate: { enabled: false }\n  speak: { enabled: false }\n  booking: { enabled: false }\n',
    );
    const prefix = `test-first-${Date.now()}`;
    try {
      const result = await runScript('src/main.ts', [], {
        env: {
          KOTODAMA_PROFILE: 'fixtures',
          KOTODAMA_CONFIG: configFile,
          KOTODAMA_REDIS_PREFIX: prefix,
          KOTODAMA_OFFLINE: '0',
          MODELS_DIR: dir,
          HF_ENDPOINT: hub.url,
          KOTODAMA_LANGUAGE: 'en',
          REDIS_URL,
        },
        input: '/translate de good morning\n/ask how do I use this bot?\n',
        timeoutMs: 120_000,
      });
      expect(result.stdout, result.stderr).toMatch(/The model tiny-random-marian-en-de is still downloading( \(\d+%\))?; try again in/u);
      expect(result.stdout).toContain('FAQ: How do I use this bot?');
      // One plain line per lane on start-up; no JSON, no stack traces.
      expect(result.stderr).toMatch(/^faq: ready \(tiny-random-bert, \d+ s\)$/mu);
      expect(result.stderr).toMatch(/^translate: downloading tiny-random-marian-en-de \(/mu);
      expect(result.stderr).not.toMatch(/^\s+at /mu);
      expect(result.stderr).not.toContain('{"level"');
      expect(result.code).toBe(1); // piped input: one request failed (the translation)
      expect(result.stderr).toContain('1 of 2 requests failed');
    } finally {
      await hub.close();
      await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix } } }));
    }
  }, 150_000);
});
