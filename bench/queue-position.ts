/**
 * Queue position lookup time at 10, 1,000 and 100,000 waiting jobs: the rank lookup (`src/queue/position.ts`,
 * O(log n)) against the list scan it replaces (`getJobs(['prioritized', 'waiting'], 0, 999)` then a search, which
 * also stops being right past 1,000 jobs). The job looked up is the last one, the case members wait longest in.
 *
 *   npm run bench -- --only queue-position [--sizes=10,1000,100000]
 */
import { Queue } from 'bullmq';
import { createRedis } from '../src/core/redis.ts';
import { laneQueuePositions, positionKeys } from '../src/queue/position.ts';
import { median, option, ratioOf, report, round, size, SMOKE } from './lib/report.ts';
import { benchSetup, cleanupRedis } from './lib/setup.ts';

const sizes = option('sizes', SMOKE ? '10,100' : '10,1000,100000')
  .split(',')
  .map(Number);
const LOOKUPS = size(200, 5);
const { config } = benchSetup();
const redis = createRedis(config.redis, 'worker');

/** The lookup `LaneProducer.position` did before: fetch up to 1,000 waiting jobs and search them. */
async function scanPosition(queue: Queue, jobId: string): Promise<number> {
  const waiting = await queue.getJobs(['prioritized', 'waiting'], 0, 999, true);
  const index = waiting.findIndex((candidate) => candidate?.id === jobId);
  return index < 0 ? 0 : index;
}

async function timeEach(lookup: () => Promise<unknown>, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await lookup();
    times.push(performance.now() - started);
  }
  return median(times);
}

try {
  for (const waiting of sizes) {
    const queue = new Queue(`position-${waiting}`, { connection: redis, prefix: config.redis.prefix });
    for (let start = 0; start < waiting; start += 1000) {
      const count = Math.min(1000, waiting - start);
      await queue.addBulk(
        Array.from({ length: count }, (_, i) => ({
          name: 'job',
          data: {},
          opts: { jobId: `job-${start + i}`, priority: 1 + ((start + i) % 4) },
        })),
      );
    }
    const last = (await queue.getJobs(['prioritized'], waiting - 1, waiting - 1, true))[0]?.id ?? 'job-0';
    const keys = positionKeys(queue);
    const position = (await laneQueuePositions(redis, keys, [last])).get(last);
    const rankMs = await timeEach(() => laneQueuePositions(redis, keys, [last]), LOOKUPS);
    // The scan reads up to 1,000 whole jobs: fewer repetitions keep the big sizes quick.
    const scanMs = await timeEach(() => scanPosition(queue, last), Math.max(3, Math.round(LOOKUPS / 10)));
    report({
      name: `queue-position-${waiting}`,
      waiting,
      lookedUp: { id: last, ahead: position?.ahead ?? -1, scanWouldSay: await scanPosition(queue, last) },
      rankLookupMs: round(rankMs, 3),
      floor: { listScanMs: round(scanMs, 3) },
      ratio: ratioOf(rankMs, scanMs),
    });
    await queue.obliterate({ force: true });
    await queue.close();
  }
} finally {
  await cleanupRedis(config);
  redis.disconnect();
}
