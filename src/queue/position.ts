/**
 * A waiting job's place in its lane, at a cost that does not grow with the queue.
 *
 * BullMQ's Redis layout (v5/v6): jobs with a priority wait in the sorted set `<prefix>:<queue>:prioritized`, scored
 * `priority × 2³² + counter` (a per-queue counter `pc`), so the set's order IS the order jobs will start in and
 * `ZRANK` gives a job's place in O(log n). Jobs without a priority wait in the list `wait` (or `paused`), which
 * BullMQ takes before any prioritized job; running jobs sit in the list `active`; retries wait in the sorted set
 * `delayed`. kotodama gives every lane job a priority, so the list lookups below only run for jobs that are not
 * prioritized, which lane jobs are not; their lists' lengths are read in O(1).
 *
 * `laneQueuePositions` answers for many jobs of one lane in a single Redis round trip; `PositionBoard` keeps the
 * jobs a front end shows placeholders for and refreshes all of them once per tick.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** Where a job stands. `ahead` counts jobs that will start before it; `running` the lane's jobs running now. */
export interface QueuePosition {
  readonly state: 'waiting' | 'running' | 'delayed' | 'gone';
  readonly ahead: number;
  readonly running: number;
}

/** The BullMQ keys of one queue that positions are read from (`queue.keys` has them all). */
export interface PositionKeys {
  readonly prioritized: string;
  readonly wait: string;
  readonly paused: string;
  readonly active: string;
  readonly delayed: string;
}

/** Positions of `jobIds` in one queue: one pipeline of O(log n) rank lookups plus O(1) list lengths. */
export async function laneQueuePositions(redis: Redis, keys: PositionKeys, jobIds: readonly string[]): Promise<Map<string, QueuePosition>> {
  const pipeline = redis.pipeline().llen(keys.wait).llen(keys.paused).llen(keys.active);
  for (const id of jobIds) pipeline.zrank(keys.prioritized, id);
  const replies = (await pipeline.exec()) ?? [];
  const values = replies.map(([error, value]) => {
    if (error) throw error;
    return value as number | null;
  });
  const [waitLength = 0, pausedLength = 0, running = 0] = values as number[];
  const unprioritized = waitLength + pausedLength;
  const positions = new Map<string, QueuePosition>();
  const elsewhere: string[] = [];
  jobIds.forEach((id, i) => {
    const rank = values[3 + i];
    if (rank === null || rank === undefined) elsewhere.push(id);
    else positions.set(id, { state: 'waiting', ahead: unprioritized + rank, running });
  });
  for (const id of elsewhere) positions.set(id, await outsidePrioritized(redis, keys, id, running));
  return positions;
}

/** A job that is not in the prioritized set: running, in a plain wait list, retrying later, or finished. */
async function outsidePrioritized(redis: Redis, keys: PositionKeys, id: string, running: number): Promise<QueuePosition> {
  const [inActive, inWait, inPaused, waitLength, pausedLength, delayed] = await redis
    .pipeline()
    .lpos(keys.active, id)
    .lpos(keys.wait, id)
    .lpos(keys.paused, id)
    .llen(keys.wait)
    .llen(keys.paused)
    .zscore(keys.delayed, id)
    .exec()
    .then((replies) => (replies ?? []).map(([, value]) => value as number | string | null));
  if (inActive !== null) return { state: 'running', ahead: 0, running };
  // The list is taken from its right end (LPUSH in, RPOP out): the jobs to the right start first.
  if (inWait !== null) return { state: 'waiting', ahead: Number(waitLength) - 1 - Number(inWait), running };
  if (inPaused !== null) return { state: 'waiting', ahead: Number(pausedLength) - 1 - Number(inPaused), running };
  if (delayed !== null) return { state: 'delayed', ahead: 0, running };
  return { state: 'gone', ahead: 0, running };
}

/** The keys positions are read from, as the BullMQ queue names them. */
export function positionKeys(queue: Queue): PositionKeys {
  const keys: Readonly<Record<string, string | undefined>> = queue.keys;
  const pick = (name: keyof PositionKeys): string => {
    const key = keys[name];
    if (!key) throw new Error(`BullMQ queue ${queue.name} has no "${name}" key`);
    return key;
  };
  return { prioritized: pick('prioritized'), wait: pick('wait'), paused: pick('paused'), active: pick('active'), delayed: pick('delayed') };
}

/**
 * The jobs whose placeholders a front end keeps up to date, per lane. `refresh()` reads every tracked job's position
 * with one round trip per lane (call it once per refresh tick); `get()` then answers from memory.
 */
export class PositionBoard<L extends string = string> {
  readonly #tracked = new Map<L, Set<string>>();
  #latest = new Map<string, QueuePosition>();

  constructor(private readonly source: (lane: L) => Promise<{ redis: Redis; keys: PositionKeys }>) {}

  track(lane: L, jobId: string): void {
    let jobs = this.#tracked.get(lane);
    if (!jobs) this.#tracked.set(lane, (jobs = new Set()));
    jobs.add(jobId);
  }

  untrack(lane: L, jobId: string): void {
    this.#tracked.get(lane)?.delete(jobId);
    this.#latest.delete(jobId);
  }

  /** Reads the positions of every tracked job; jobs found finished are no longer tracked. */
  async refresh(): Promise<void> {
    const latest = new Map<string, QueuePosition>();
    for (const [lane, jobs] of this.#tracked) {
      if (!jobs.size) continue;
      const { redis, keys } = await this.source(lane);
      for (const [id, position] of await laneQueuePositions(redis, keys, [...jobs])) {
        latest.set(id, position);
        if (position.state === 'gone') jobs.delete(id);
      }
    }
    this.#latest = latest;
  }

  /** The position read by the last `refresh()`, if the job was tracked then. */
  get(jobId: string): QueuePosition | undefined {
    return this.#latest.get(jobId);
  }
}
