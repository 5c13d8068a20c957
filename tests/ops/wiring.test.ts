/**
 * The operations endpoints are wired into the real processes: a worker (`npm run worker`) and the bot (`npm run
 * bot`) started with `KOTODAMA_HTTP_PORT` answer `/healthz`, `/readyz` and `/metrics` with their own figures (models
 * loaded and jobs by outcome on the worker; Discord REST responses, queue depth and the dashboard on the bot).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import { freePort, startBotOnly } from '../fault/redis-harness.ts';
import { cleanupRedis, REDIS_URL, waitFor } from '../helpers/env.ts';
import { faqLane } from '../helpers/lanes.ts';

const prefix = `test-ops-${randomUUID().slice(0, 8)}`;
const config = loadConfig({ env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL }, overrides: { redis: { prefix } } });
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await cleanupRedis(config);
}, 30_000);

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url).catch(() => undefined);
  return response ? { status: response.status, body: await response.text() } : { status: 0, body: '' };
}

describe('operations endpoints in the real processes', () => {
  it('GIVEN a worker with KOTODAMA_HTTP_PORT THEN it is healthy, ready once its model loaded, and counts finished jobs', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts', '--lanes', faqLane.name], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        KOTODAMA_PROFILE: 'fixtures',
        REDIS_URL,
        KOTODAMA_REDIS_PREFIX: prefix,
        KOTODAMA_HTTP_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    children.push(child);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => ((await get(`${base}/healthz`)).status === 200 ? true : undefined), 40_000, 'worker /healthz');
    await waitFor(async () => ((await get(`${base}/readyz`)).status === 200 ? true : undefined), 40_000, 'worker /readyz');
    const redis = createRedis(config.redis, 'producer');
    const producer = new LaneProducer(config, redis);
    try {
      await producer.enqueue(faqLane, {
        sourceId: 'ops-1',
        input: { question: 'how do I use this bot?' },
        context: { origin: 'discord', userId: 'u1' },
        reply: { queue: 'replies-ops', target: {} },
      });
      const metrics = await waitFor(
        async () => {
          const { body } = await get(`${base}/metrics`);
          return /kotodama_jobs_total\{[^}]*lane="faq"[^}]*outcome="completed"[^}]*\} 1/u.test(body) ? body : undefined;
        },
        20_000,
        'the finished job in /metrics',
      );
      expect(metrics).toMatch(/kotodama_model_loaded\{[^}]*lane="faq"[^}]*\} 1/u);
      expect(metrics).toMatch(/kotodama_ready\{[^}]*check="models"[^}]*\} 1/u);
      expect(metrics).toMatch(/kotodama_job_stage_seconds_count\{[^}]*stage="model"[^}]*\} 1/u);
    } finally {
      await producer.close();
      redis.disconnect();
    }
  }, 60_000);

  it('GIVEN the bot with KOTODAMA_HTTP_PORT THEN it serves health, Discord and queue metrics, and the dashboard on loopback', async () => {
    const server = new FakeDiscord();
    await server.start();
    const port = await freePort();
    const bot = await startBotOnly(server, REDIS_URL, { KOTODAMA_HTTP_PORT: String(port), KOTODAMA_REDIS_PREFIX: prefix });
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await get(`${base}/healthz`)).status).toBe(200);
      expect((await get(`${base}/readyz`)).status).toBe(200);
      const { body } = await get(`${base}/metrics`);
      expect(body).toMatch(/kotodama_discord_rest_responses_total\{[^}]*status="200"/u);
      expect(body).toMatch(/kotodama_queue_jobs\{[^}]*queue="replies"/u);
      expect((await get(`${base}/admin/queues`)).status).toBe(200);
      expect(bot.logs()).toContain(base);
    } finally {
      await bot.stop();
      await server.close();
    }
  }, 60_000);
});
