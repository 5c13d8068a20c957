/** The interactive terminal: Ctrl-C cancels the running request first; a second Ctrl-C quits. Real Redis, no worker. */
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalSession, runTerminal } from '../../../src/bot/local/index.ts';
import { LaneProducer } from '../../../src/queue/producer.ts';
import { createRedis } from '../../../src/core/redis.ts';
import { cleanupRedis, quietLogger, testConfig, waitFor } from '../../helpers/env.ts';
import { translateLane } from '../../helpers/lanes.ts';

const config = testConfig();
afterAll(() => cleanupRedis(config));

describe('terminal chat, Ctrl-C', () => {
  it('GIVEN a request waiting for a worker WHEN Ctrl-C THEN it is cancelled and removed; a second Ctrl-C quits', async () => {
    const session = new LocalSession(config, quietLogger, 'en');
    await session.ready();
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const done = runTerminal(session, { input, output, interactive: true });
    const redis = createRedis(config.redis, 'producer');
    const producer = new LaneProducer(config, redis);
    try {
      await waitFor(() => shown.includes('you> ') || undefined, 10_000, 'prompt');
      input.write('/translate ja good morning\n');
      await waitFor(() => session.busy || undefined, 10_000, 'request waiting');
      const queue = producer.queue(translateLane.name);
      await waitFor(
        async () => ((await queue.getWaitingCount()) + (await queue.getPrioritizedCount()) === 1 ? true : undefined),
        10_000,
        'job queued',
      );
      expect(shown).toContain('waiting…');
      input.write('\u0003');
      await waitFor(() => shown.includes('⚠️ ✖️ Cancelled.') || undefined, 10_000, 'cancelled answer');
      expect((await queue.getWaitingCount()) + (await queue.getPrioritizedCount())).toBe(0);
      expect(session.busy).toBe(false);
      input.write('\u0003');
      await done;
    } finally {
      await producer.close();
      redis.disconnect();
      await session.close();
    }
  }, 60_000);
});
