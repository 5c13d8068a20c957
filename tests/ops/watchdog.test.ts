/**
 * The worker watchdog: pure verdicts over observations, then the probe on real BullMQ queues and workers
 * (a worker that takes no jobs while its lane fills up) and a really blocked event loop. Time is a clock the
 * test moves, so nothing here waits for a stall window to pass.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { stallWindowMs, Watchdog } from '../../src/ops/index.ts';
import { WatchdogState } from '../../src/ops/watchdog.ts';
import { cleanupRedis, testConfig, waitFor } from '../helpers/env.ts';
import { captureLogs } from './helpers.ts';

const rules = { stallMs: () => 60_000, maxLagMs: 1_000, holdMs: 30_000 };

describe('WatchdogState', () => {
  it('GIVEN waiting jobs and no finished job for longer than the window THEN not ready, naming the lane', () => {
    const state = new WatchdogState(rules);
    state.observeLanes(0, [{ lane: 'faq', waiting: 5, finished: 0 }]);
    state.observeLanes(60_000, [{ lane: 'faq', waiting: 7, finished: 0 }]);
    expect(state.verdict(60_000)).toEqual({ ok: true });
    state.observeLanes(61_000, [{ lane: 'faq', waiting: 7, finished: 0 }]);
    expect(state.verdict(61_000)).toEqual({ ok: false, reason: 'faq: 7 job(s) waiting and none finished here for 61 s' });
  });

  it('GIVEN a job finished or the queue emptied THEN the window starts again', () => {
    const state = new WatchdogState(rules);
    state.observeLanes(0, [{ lane: 'faq', waiting: 5, finished: 0 }]);
    state.observeLanes(50_000, [{ lane: 'faq', waiting: 4, finished: 1 }]);
    expect(state.verdict(100_000)).toEqual({ ok: true });
    state.observeLanes(100_000, [{ lane: 'faq', waiting: 0, finished: 1 }]);
    state.observeLanes(150_000, [{ lane: 'faq', waiting: 2, finished: 1 }]);
    expect(state.verdict(150_000)).toEqual({ ok: true });
  });

  it('GIVEN an idle lane for hours THEN ready: nothing waiting is nothing wrong', () => {
    const state = new WatchdogState(rules);
    state.observeLanes(0, [{ lane: 'generate', waiting: 0, finished: 0 }]);
    state.observeLanes(10 * 3_600_000, [{ lane: 'generate', waiting: 0, finished: 0 }]);
    expect(state.verdict(10 * 3_600_000)).toEqual({ ok: true });
  });

  it('GIVEN an event-loop delay over the limit THEN not ready until the hold has passed', () => {
    const state = new WatchdogState(rules);
    state.observeLag(1_000, 900);
    expect(state.verdict(1_000)).toEqual({ ok: true });
    state.observeLag(2_000, 4_200);
    expect(state.verdict(12_000)).toEqual({ ok: false, reason: 'event loop blocked for 4200 ms (limit 1000 ms), 10 s ago' });
    expect(state.verdict(32_001)).toEqual({ ok: true });
  });

  it('GIVEN per-lane windows THEN a long lane may wait longer than a short one', () => {
    expect(stallWindowMs({ stallSec: 0, maxEventLoopLagMs: 1, holdSec: 0 }, 600)).toBe(660_000);
    expect(stallWindowMs({ stallSec: 45, maxEventLoopLagMs: 1, holdSec: 0 }, 600)).toBe(45_000);
  });
});

describe('Watchdog on real BullMQ', () => {
  const config = testConfig();
  const connection = new Redis(config.redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue('faq', { connection, prefix: config.redis.prefix });
  // autorun off: the worker exists but takes nothing, like one stuck after a Redis outage.
  const worker = new Worker('faq', async () => 'answered', { connection, prefix: config.redis.prefix, autorun: false });
  let now = 1_000_000;
  const logs = captureLogs();
  const watchdog = new Watchdog({
    lanes: [{ lane: 'faq', queue, worker, timeoutSec: 30 }],
    config: { stallSec: 0, maxEventLoopLagMs: 200, holdSec: 30 },
    logger: logs.logger,
    now: () => now,
  });

  afterAll(async () => {
    watchdog.close();
    await worker.close();
    await queue.close();
    await cleanupRedis(config);
    connection.disconnect();
  });

  it('GIVEN jobs waiting for a worker that takes none THEN not ready after the lane window, logged once with the reason', async () => {
    await queue.addBulk([1, 2, 3].map((n) => ({ name: 'ask', data: { n }, opts: { jobId: `faq-${n}`, priority: n } })));
    await watchdog.tick();
    expect(await watchdog.check.check()).toEqual({ ok: true });
    now += 91_000; // the faq window: 30 s timeout + 60 s
    await watchdog.tick();
    await watchdog.tick();
    expect(await watchdog.check.check()).toEqual({ ok: false, reason: 'faq: 3 job(s) waiting and none finished here for 91 s' });
    expect(logs.lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      'watchdog: not ready: faq: 3 job(s) waiting and none finished here for 91 s',
    ]);
  });

  it('GIVEN the worker starts finishing jobs THEN ready again, and that is logged', async () => {
    const finished = new Promise<void>((resolve) => worker.on('drained', resolve));
    void worker.run();
    await finished;
    now += 1_000;
    await watchdog.tick();
    expect(await watchdog.check.check()).toEqual({ ok: true });
    expect(logs.messages().at(-1)).toBe('watchdog: ready again');
  });

  it('GIVEN the event loop really blocked longer than the limit THEN not ready, naming the block', async () => {
    watchdog.start();
    const until = performance.now() + 600;
    while (performance.now() < until) {
      // Busy: nothing else runs on this thread, as during a long synchronous inference.
    }
    const verdict = await waitFor(async () => {
      await watchdog.tick();
      const result = await watchdog.check.check();
      return result.ok ? undefined : result;
    });
    expect(verdict.reason).toMatch(/^event loop blocked for (\d+) ms \(limit 200 ms\), 0 s ago$/u);
    expect(Number(/for (\d+) ms/u.exec(verdict.reason)?.[1])).toBeGreaterThanOrEqual(500);
    now += 31_000;
    await watchdog.tick();
    expect(await watchdog.check.check()).toEqual({ ok: true });
  });
});
