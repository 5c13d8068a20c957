/**
 * A fresh install: the FAQ lane answers from its lexical index while its embedding model is still downloading
 * (served slowly by a local Hub-shaped server), says so in `/faq status`, and switches to hybrid once the model is in.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/index.ts';
import { createRedis } from '../../../src/core/redis.ts';
import { formatLaneStatus, prepareLane, type LaneStatus } from '../../../src/inference/prepare.ts';
import { ModelRuntime, pipelineSpec } from '../../../src/inference/runtime.ts';
import { createFaqProcessor } from '../../../src/lanes/faq/processor.ts';
import { readStatus } from '../../../src/lanes/faq/status.ts';
import type { ProcessContext } from '../../../src/lanes/process-context.ts';
import { startHub } from '../../e2e/first-run-helpers.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../../helpers/env.ts';
import { faqLane } from '../../helpers/lanes.ts';

let hub: Awaited<ReturnType<typeof startHub>>;
let redis: Redis;
// An empty models folder: the fixture FAQ model (≈ 230 kB) comes from the hub at 20 kB/s, over ten seconds.
const config = testConfig({ models: { dir: mkdtempSync(path.join(tmpdir(), 'kotodama-faq-first-')), allowRemote: true } });

beforeAll(async () => {
  hub = await startHub(20_000);
  redis = createRedis(config.redis, 'worker');
});

afterAll(async () => {
  await hub.close();
  await cleanupRedis(config);
  await redis.quit();
});

const ctx = (jobId: string): ProcessContext => ({
  jobId,
  context: { origin: 'discord', userId: 'u', guildId: 'g-first' },
  signal: new AbortController().signal,
  locale: 'en',
  report: () => undefined,
  logger: quietLogger,
});

describe('FAQ lane on a fresh install', () => {
  it('GIVEN its embedding model still downloading THEN it answers lexically at once, and hybrid once the model is in', async () => {
    const runtime = new ModelRuntime({ models: { ...config.models, remoteHost: hub.url }, logger: quietLogger });
    const statuses: LaneStatus[] = [];
    // As the worker does: the lane takes jobs at once, its model is prepared behind it.
    const prepared = prepareLane(faqLane, config, runtime, (status) => statuses.push(status));
    const faq = createFaqProcessor({ config, runtime, logger: quietLogger, redis });

    const asked = Date.now();
    const first = await faq({ question: 'How do I use this bot?' }, ctx('first'));
    expect(first).toMatchObject({ kind: 'answer', entryId: 'how-to-use', retrieval: 'lexical' });
    expect(Date.now() - asked).toBeLessThan(3_000);
    // Asked before the first byte came in: the model is not in the models folder, so it is a download.
    expect(await readStatus(redis, config.redis.prefix)).toMatchObject({
      mode: 'lexical',
      reason: 'the embedding model is still downloading',
    });

    // The start-up line says the lane answers meanwhile instead of "answers once it is in".
    const downloading = await waitFor(() => statuses.find((status) => status.state === 'downloading'), 20_000, 'download progress');
    expect(formatLaneStatus(downloading)).toMatch(
      /^faq: downloading tiny-random-bert \(.*\); answering meanwhile: lexical \(the embedding model is still downloading\)$/u,
    );
    const during = await faq({ question: 'How do I use this bot?' }, ctx('during'));
    expect(during).toMatchObject({ kind: 'answer', entryId: 'how-to-use', retrieval: 'lexical' });
    expect(statuses.some((status) => status.state === 'ready')).toBe(false);
    expect(await readStatus(redis, config.redis.prefix)).toMatchObject({
      mode: 'lexical',
      reason: 'the embedding model is still downloading',
    });

    expect(await prepared).toBe(true);
    const later = await faq({ question: 'How do I use this bot?' }, ctx('later'));
    expect(later).toMatchObject({ kind: 'answer', entryId: 'how-to-use', retrieval: 'hybrid' });
    expect(await readStatus(redis, config.redis.prefix)).toMatchObject({ mode: 'hybrid' });
    await runtime.dispose();
  }, 90_000);

  it('GIVEN the model in the models folder THEN preparing says loading, not downloading, and nothing once it is in', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-faq-present-'));
    cpSync(path.join(PROJECT_ROOT, 'tests/fixtures/models/tiny-random-bert'), path.join(dir, 'tiny-random-bert'), { recursive: true });
    const runtime = new ModelRuntime({ models: { ...config.models, dir, remoteHost: hub.url }, logger: quietLogger });
    const spec = pipelineSpec('feature-extraction', config.lanes.faq);
    expect(runtime.preparing(spec)).toBeUndefined();
    const prepared = runtime.prepare(spec);
    expect(runtime.preparing(spec)).toBe('loading');
    await prepared;
    expect(runtime.preparing(spec)).toBeUndefined();
    await runtime.dispose();
  }, 60_000);
});
