/**
 * The local chat driven as a user would: `npm start` with the fixtures profile, requests on standard
 * input, answers on standard output, through real Redis and a real worker process.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { cleanupRedis, REDIS_URL, waitFor } from '../helpers/env.ts';
import { runScript } from '../helpers/spawn.ts';

const prefix = () => `test-chat-${randomUUID().slice(0, 8)}`;

describe('local chat (npm start without a Discord token)', () => {
  it('GIVEN one request per lane on standard input THEN each is answered in order and it exits 0', async () => {
    const KOTODAMA_REDIS_PREFIX = prefix();
    const input = [
      '/ask how do I use this bot?',
      '/translate ja good morning <@123456789012345678>',
      'hello',
      '/transcribe tests/fixtures/audio/voice-en.ogg en',
      '/help',
    ].join('\n');
    const result = await runScript('src/main.ts', [], {
      env: { KOTODAMA_PROFILE: 'fixtures', KOTODAMA_REDIS_PREFIX, REDIS_URL },
      input: `${input}\n`,
    });
    await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix: KOTODAMA_REDIS_PREFIX } } }));
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    const order = [
      'FAQ: How do I use this bot?',
      '<@123456789012345678>',
      'English → Japanese',
      'cut at the length limit',
      'transcript of',
      'kotodama commands:',
    ];
    const positions = order.map((marker) => out.indexOf(marker));
    expect(
      positions.every((at) => at >= 0),
      out,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).toContain('Use `/ask` for questions about this server');
    expect(out).not.toMatch(/at .*\.ts:\d+/u);
  });

  it('GIVEN bad requests THEN each gets a one-line explanation and the session goes on', async () => {
    const KOTODAMA_REDIS_PREFIX = prefix();
    const input = [
      '/translate xx hello',
      '/transcribe no/such/file.ogg',
      '/transcribe tests/fixtures/audio/not-audio.ogg',
      '/nope',
      '/ask how do I use this bot?',
    ].join('\n');
    const result = await runScript('src/main.ts', [], {
      env: { KOTODAMA_PROFILE: 'fixtures', KOTODAMA_REDIS_PREFIX, REDIS_URL },
      input: `${input}\n`,
    });
    await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix: KOTODAMA_REDIS_PREFIX } } }));
    // Piped input that had failures exits non-zero and says how many.
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('4 of 5 requests failed');
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('⚠️'));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toContain(`I can't translate into "xx"`);
    expect(warnings[1]).toContain('There is no file at no/such/file.ogg');
    expect(warnings[2]).toMatch(/not audio|can't read|cannot read/iu);
    expect(warnings[3]).toContain('Unknown command /nope');
    expect(result.stdout).toContain('FAQ: How do I use this bot?');
  });

  it('GIVEN no Redis THEN it says how to get one and exits 1', async () => {
    const result = await runScript('src/main.ts', [], {
      env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL: 'redis://127.0.0.1:1' },
      input: 'hello\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Redis does not answer at redis://127.0.0.1:1');
    expect(result.stderr).toContain('docker compose up -d redis');
  });

  it('GIVEN a bad config THEN start-up stops with every bad key listed', async () => {
    const result = await runScript('src/main.ts', [], { env: { KOTODAMA_PROFILE: 'fixtures', LOG_LEVEL: 'loud', REDIS_URL: 'localhost' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('redis.url');
    expect(result.stderr).toContain('log.level');
  });
});

describe('split deployment (npm run worker + npm run bot)', () => {
  it('GIVEN a worker process for some lanes and a bot-only front end THEN they answer together through Redis', async () => {
    const KOTODAMA_REDIS_PREFIX = prefix();
    const env = { KOTODAMA_PROFILE: 'fixtures', KOTODAMA_REDIS_PREFIX, REDIS_URL };
    const { spawn } = await import('node:child_process');
    const worker = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts', '--lanes', 'faq,translate'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let workerLog = '';
    worker.stderr.on('data', (chunk: Buffer) => (workerLog += chunk.toString()));
    try {
      await waitFor(() => (workerLog.includes('worker ready') ? true : undefined), 90_000, 'worker ready');
      const result = await runScript('src/main.ts', ['--bot-only'], {
        env,
        input: '/ask what languages can you translate?\n/translate en おはようございます\n',
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('FAQ: Which languages do you support?');
      expect(result.stdout).toContain('Japanese → English');
    } finally {
      worker.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => worker.once('exit', resolve));
      expect(code).toBe(0);
      expect(workerLog).toContain('worker shutting down');
      await cleanupRedis(loadConfig({ env: { REDIS_URL }, overrides: { redis: { prefix: KOTODAMA_REDIS_PREFIX } } }));
    }
  }, 180_000);

  it('GIVEN an unknown lane THEN the worker refuses with the list of lanes', async () => {
    const result = await runScript('src/worker.ts', ['--lanes', 'faq,sing'], { env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown lane(s) sing. Lanes: faq, translate, transcribe, generate, speak, booking');
  });
});
