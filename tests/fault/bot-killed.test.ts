/**
 * Issue 13, "Done when": the bot killed with replies waiting delivers each of them once. Members ask while no worker
 * runs; the bot process is killed (SIGKILL); a worker answers everything into the replies queue with no bot to read
 * it; a new bot process starts and replaces every "thinking…" with its answer — once each, nothing lost, nothing
 * posted twice. The real bot processes, real BullMQ and Redis, the FAQ lane's real processor on the fixture models.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import { ModelRuntime } from '../../src/inference/runtime.ts';
import { REPLIES_QUEUE } from '../../src/queue/replies.ts';
import { WorkerHost } from '../../src/queue/worker-host.ts';
import { FakeDiscord } from '../discord-server/index.ts';
import type { InteractionRecord } from '../discord-server/state.ts';
import { cleanupRedis, quietLogger, REDIS_URL, waitFor } from '../helpers/env.ts';
import { realLanes } from '../helpers/lanes.ts';
import { startBotOnly, type RunningBot } from './redis-harness.ts';

const QUESTIONS = 8;
const prefix = `fault-${randomUUID().slice(0, 8)}`;
const config = loadConfig({ env: { KOTODAMA_PROFILE: 'fixtures', REDIS_URL }, overrides: { redis: { prefix } } });
const server = new FakeDiscord();
const redis = createRedis(config.redis, 'worker');
const replies = new Queue(REPLIES_QUEUE, { connection: redis, prefix });
const bots: RunningBot[] = [];
let host: WorkerHost | undefined;

beforeAll(() => server.start());

afterAll(async () => {
  await host?.close(1_000);
  for (const bot of bots) await bot.stop();
  await replies.close();
  redis.disconnect();
  await server.close();
  await cleanupRedis(config);
}, 30_000);

/** Final (not "⏳"/empty) texts written into an interaction's original reply, in order. */
function answersOf(record: InteractionRecord): string[] {
  return server.state.requests.flatMap((entry) => {
    if (entry.method !== 'PATCH' || !entry.route.includes(record.token) || !entry.route.endsWith('/@original') || entry.status >= 300)
      return [];
    const content = (entry.body as { content?: unknown } | null)?.content;
    return typeof content === 'string' && content.trim() && !content.startsWith('⏳') ? [content] : [];
  });
}

describe('the bot killed with replies waiting', () => {
  it(`GIVEN ${QUESTIONS} questions answered while no bot runs THEN a new bot delivers each answer once`, async () => {
    bots.push(await startBotOnly(server, REDIS_URL, { KOTODAMA_REDIS_PREFIX: prefix }));
    const records = Array.from({ length: QUESTIONS }, (_, i) =>
      server.slashCommand({
        name: 'ask',
        user: i % 2 ? server.users.alice : server.users.bob,
        options: [{ name: 'question', value: 'How do I use this bot?' }],
      }),
    );
    await server.waitFor(
      () => (records.every((record) => record.response?.type === 5) ? true : undefined),
      15_000,
      'every acknowledgement',
    );
    const faq = new Queue('faq', { connection: redis, prefix });
    await waitFor(
      async () => ((await faq.getWaitingCount()) + (await faq.getPrioritizedCount()) === QUESTIONS ? true : undefined),
      15_000,
      'the jobs queued',
    );
    await faq.close();

    await bots[0]?.kill();
    const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
    host = new WorkerHost({ config, lanes: await realLanes({ config, runtime, redis }, ['faq']), logger: quietLogger });
    await host.start();
    // Every answer waits in the replies queue: nobody reads it.
    await waitFor(async () => ((await replies.getWaitingCount()) === QUESTIONS ? true : undefined), 30_000, 'the replies waiting');
    expect(records.map(answersOf)).toEqual(records.map(() => []));

    bots.push(await startBotOnly(server, REDIS_URL, { KOTODAMA_REDIS_PREFIX: prefix }));
    await server.waitFor(() => (records.every((record) => answersOf(record).length > 0) ? true : undefined), 30_000, 'every answer');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // anything posted twice would show by now
    for (const record of records) expect(answersOf(record)).toHaveLength(1);
    expect(await replies.getWaitingCount()).toBe(0);
  }, 90_000);
});
