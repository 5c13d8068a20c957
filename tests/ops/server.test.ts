/**
 * The operations endpoints of one process on real Redis and real BullMQ queues: liveness, readiness with its
 * reasons, and Prometheus metrics including queue depths read at scrape time.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorError } from '../../src/core/errors.ts';
import {
  bullmqQueueDepth,
  notReady,
  OpsMetrics,
  ready,
  redisCheck,
  runChecks,
  startOpsServer,
  type OpsServer,
} from '../../src/ops/index.ts';
import { cleanupRedis, testConfig } from '../helpers/env.ts';
import { captureLogs, freePort, get, sample } from './helpers.ts';

const config = testConfig();
const redis = new Redis(config.redis.url);
const queue = new Queue('faq', { connection: redis, prefix: config.redis.prefix });
const logs = captureLogs();
const metrics = new OpsMetrics({ role: 'worker' });
let modelsLoaded = false;
const checks = [redisCheck(redis), { name: 'models', check: () => (modelsLoaded ? ready() : notReady('loading faq model')) }];
let server: OpsServer;

beforeAll(async () => {
  metrics.watchQueueDepth(bullmqQueueDepth([['faq', queue]]));
  metrics.watchReadiness(() => runChecks(checks));
  server = (await startOpsServer({
    port: await freePort(),
    host: '127.0.0.1',
    metrics,
    readiness: checks,
    logger: logs.logger,
  })) as OpsServer;
});

afterAll(async () => {
  await server.close();
  await queue.close();
  await cleanupRedis(config);
  redis.disconnect();
});

describe('operations server', () => {
  it('GIVEN http.port 0 THEN no server starts', async () => {
    expect(await startOpsServer({ port: 0, host: '127.0.0.1', metrics, readiness: [], logger: logs.logger })).toBeUndefined();
  });

  it('GIVEN a running process THEN /healthz answers ok and the start is logged with the URL', async () => {
    expect(await get(`${server.url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    expect(logs.lines.find((line) => line.msg === 'operations endpoints listening')).toMatchObject({ url: server.url });
  });

  it('GIVEN models still loading THEN /readyz is 503 with the reason; once loaded it is 200', async () => {
    modelsLoaded = false;
    const loading = await get(`${server.url}/readyz`);
    expect(loading.status).toBe(503);
    expect(JSON.parse(loading.body)).toEqual({
      ready: false,
      checks: { redis: { ok: true }, models: { ok: false, reason: 'loading faq model' } },
    });
    modelsLoaded = true;
    expect(JSON.parse((await get(`${server.url}/readyz`)).body)).toEqual({
      ready: true,
      checks: { redis: { ok: true }, models: { ok: true } },
    });
  });

  it('GIVEN jobs waiting, prioritized and delayed in a lane queue THEN /metrics shows them by state, read at scrape time', async () => {
    await queue.add('q', {}, { jobId: 'faq-a' });
    await queue.add('q', {}, { jobId: 'faq-b', priority: 1 });
    await queue.add('q', {}, { jobId: 'faq-c', priority: 2 });
    await queue.add('q', {}, { jobId: 'faq-d', delay: 60_000 });
    const scraped = await get(`${server.url}/metrics`);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/u);
    expect(sample(scraped.body, 'kotodama_queue_jobs', { queue: 'faq', state: 'waiting', role: 'worker' })).toBe(3);
    expect(sample(scraped.body, 'kotodama_queue_jobs', { queue: 'faq', state: 'delayed', role: 'worker' })).toBe(1);
    expect(sample(scraped.body, 'kotodama_queue_jobs', { queue: 'faq', state: 'active', role: 'worker' })).toBe(0);
    await queue.remove('faq-a');
    expect(
      sample((await get(`${server.url}/metrics`)).body, 'kotodama_queue_jobs', { queue: 'faq', state: 'waiting', role: 'worker' }),
    ).toBe(2);
  });

  it('GIVEN finished jobs, a model load and Discord responses THEN the counters and stage histograms show them', async () => {
    metrics.jobFinished('faq', 'completed', { queue_wait: 4, model: 30, delivery: 120, end_to_end: 160 });
    metrics.jobFinished('faq', 'refused', { end_to_end: 2 });
    metrics.modelLoaded('faq', 'tiny-random-bert', 1500);
    metrics.discordResponse(204);
    metrics.discordResponse(429);
    metrics.discordRateLimited(false);
    const text = (await get(`${server.url}/metrics`)).body;
    expect(sample(text, 'kotodama_jobs_total', { lane: 'faq', outcome: 'completed', role: 'worker' })).toBe(1);
    expect(sample(text, 'kotodama_jobs_total', { lane: 'faq', outcome: 'refused', role: 'worker' })).toBe(1);
    // 30 ms falls in the 0.05 s bucket and not in 0.025 s; end to end saw two jobs.
    expect(sample(text, 'kotodama_job_stage_seconds_bucket', { le: '0.025', lane: 'faq', stage: 'model', role: 'worker' })).toBe(0);
    expect(sample(text, 'kotodama_job_stage_seconds_bucket', { le: '0.05', lane: 'faq', stage: 'model', role: 'worker' })).toBe(1);
    expect(sample(text, 'kotodama_job_stage_seconds_count', { lane: 'faq', stage: 'end_to_end', role: 'worker' })).toBe(2);
    expect(sample(text, 'kotodama_model_loaded', { lane: 'faq', model: 'tiny-random-bert', role: 'worker' })).toBe(1);
    expect(sample(text, 'kotodama_model_load_seconds', { lane: 'faq', model: 'tiny-random-bert', role: 'worker' })).toBe(1.5);
    expect(sample(text, 'kotodama_discord_rest_responses_total', { status: '429', role: 'worker' })).toBe(1);
    expect(sample(text, 'kotodama_discord_rate_limited_total', { scope: 'route', role: 'worker' })).toBe(1);
    expect(sample(text, 'kotodama_ready', { check: 'all', role: 'worker' })).toBe(1);
    // Process metrics, event-loop lag among them, come from prom-client's defaults.
    expect(text).toMatch(/^kotodama_nodejs_eventloop_lag_p99_seconds\{role="worker"\} \d/mu);
  });

  it('GIVEN a gateway ping source THEN it is exported in seconds, and left out before the first heartbeat', async () => {
    let ping = -1;
    metrics.watchGatewayPing(() => ping);
    expect((await get(`${server.url}/metrics`)).body).not.toMatch(/^kotodama_discord_gateway_ping_seconds\{/mu);
    ping = 42;
    expect(sample((await get(`${server.url}/metrics`)).body, 'kotodama_discord_gateway_ping_seconds', { shard: '0', role: 'worker' })).toBe(
      0.042,
    );
    metrics.watchGatewayPing(
      () =>
        new Map([
          [0, 40],
          [1, 55],
        ]),
    );
    expect(sample((await get(`${server.url}/metrics`)).body, 'kotodama_discord_gateway_ping_seconds', { shard: '1', role: 'worker' })).toBe(
      0.055,
    );
  });

  it('GIVEN other paths or methods THEN 404 and 405, never a stack trace', async () => {
    expect(await get(`${server.url}/admin/queues`)).toMatchObject({ status: 404 });
    expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN the port is taken THEN start-up stops with a message naming the port and the variable', async () => {
    const error = await startOpsServer({ port: server.port, host: '127.0.0.1', metrics, readiness: [], logger: logs.logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OperatorError);
    expect((error as OperatorError).message).toBe(
      `The operations port 127.0.0.1:${server.port} is in use. Set KOTODAMA_HTTP_PORT to a free port, or 0 to turn it off.`,
    );
  });
});

describe('readiness without Redis', () => {
  it('GIVEN Redis unreachable THEN /readyz is 503 naming Redis, /healthz stays 200 and /metrics still answers', async () => {
    const down = new Redis({ port: await freePort(), lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: () => 1_000 });
    down.on('error', () => undefined);
    void down.connect().catch(() => undefined);
    const lonely = new OpsMetrics({ role: 'bot', processMetrics: false, collectTimeoutMs: 200 });
    const downChecks = [redisCheck(down)];
    lonely.watchReadiness(() => runChecks(downChecks));
    const unreachable = new Queue('faq', { connection: down, prefix: config.redis.prefix });
    unreachable.on('error', () => undefined);
    lonely.watchQueueDepth(bullmqQueueDepth([['faq', unreachable]]));
    const port = await freePort();
    const isolated = (await startOpsServer({
      port,
      host: '127.0.0.1',
      metrics: lonely,
      readiness: downChecks,
      logger: logs.logger,
    })) as OpsServer;
    try {
      const readiness = await get(`${isolated.url}/readyz`);
      expect(readiness.status).toBe(503);
      expect(JSON.parse(readiness.body)).toMatchObject({
        ready: false,
        checks: { redis: { ok: false, reason: expect.stringMatching(/^Redis connection is /u) } },
      });
      expect((await get(`${isolated.url}/healthz`)).status).toBe(200);
      const text = (await get(`${isolated.url}/metrics`)).body;
      expect(sample(text, 'kotodama_ready', { check: 'redis', role: 'bot' })).toBe(0);
      expect(text).not.toMatch(/^kotodama_queue_jobs\{/mu);
      // The failed read is counted during the scrape, so it shows from the next one on.
      const next = (await get(`${isolated.url}/metrics`)).body;
      expect(sample(next, 'kotodama_metrics_collect_errors_total', { source: 'queue_depth', role: 'bot' })).toBe(1);
    } finally {
      await isolated.close();
      down.disconnect();
    }
  });
});
