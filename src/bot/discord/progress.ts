/**
 * Live placeholders for jobs this bot enqueued: while waiting, the queue position and an estimate
 * ("⏳ queued: 3 ahead, ~20 s"); while running, the job's progress ("transcribing… 40%") or, for chat,
 * the text written so far. Edits are throttled to one per second per message (Discord rate limits),
 * and a Cancel button sits under the placeholder until the answer replaces it.
 */
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import type { LaneProgress } from '../../lanes/processor.ts';
import { LANE_NAMES, LANES, type LaneName } from '../../lanes/registry.ts';
import type { LaneProducer } from '../../queue/producer.ts';
import type { Component, Deliverer } from './deliver.ts';
import type { DiscordTarget } from './target.ts';

export const EDIT_INTERVAL_MS = 1_000;
const POSITION_POLL_MS = 3_000;
/** Assumed seconds per job before any has been timed. */
const DEFAULT_JOB_SECONDS = 5;

interface Tracked {
  readonly lane: LaneName;
  readonly target: DiscordTarget;
  text: string;
  status: string;
  running: boolean;
  lastEdit: number;
  timer: NodeJS.Timeout | undefined;
  dirty: boolean;
  /** The edit on its way, awaited before the answer replaces the placeholder. */
  inflight: Promise<void>;
}

export function cancelButton(lane: LaneName, jobId: string): Component[] {
  return [{ type: 1, components: [{ type: 2, style: 4, label: 'Cancel', custom_id: `cancel:${lane}:${jobId}` }] }];
}

export class ProgressTracker {
  readonly #jobs = new Map<string, Tracked>();
  readonly #events: QueueEvents[] = [];
  readonly #seconds = new Map<LaneName, number>();
  #poller?: NodeJS.Timeout;

  constructor(
    private readonly config: Config,
    private readonly connection: () => Redis,
    private readonly producer: LaneProducer,
    private readonly deliverer: Deliverer,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    for (const lane of LANE_NAMES) {
      const events = new QueueEvents(LANES[lane].queue, { connection: this.connection(), prefix: this.config.redis.prefix });
      events.on('error', () => undefined);
      events.on('progress', ({ jobId, data }) => this.#onProgress(jobId, data as LaneProgress));
      events.on('active', ({ jobId }) => this.#onActive(jobId));
      events.on('completed', ({ jobId }) => this.#learn(lane, jobId));
      this.#events.push(events);
    }
    await Promise.all(this.#events.map((events) => events.waitUntilReady()));
    this.#poller = setInterval(() => void this.#pollPositions(), POSITION_POLL_MS);
    this.#poller.unref();
  }

  /** Starts showing progress for a job; the first update says where it is in the queue. */
  async track(lane: LaneName, jobId: string, target: DiscordTarget): Promise<void> {
    const tracked: Tracked = {
      lane,
      target,
      text: '',
      status: '',
      running: false,
      lastEdit: 0,
      dirty: false,
      timer: undefined,
      inflight: Promise.resolve(),
    };
    this.#jobs.set(jobId, tracked);
    await this.#updatePosition(jobId, tracked);
  }

  /** Stops tracking and waits for an edit in flight, so it cannot land after the answer. */
  async finish(jobId: string): Promise<void> {
    const tracked = this.#jobs.get(jobId);
    if (!tracked) return;
    if (tracked.timer) clearTimeout(tracked.timer);
    this.#jobs.delete(jobId);
    await tracked.inflight;
  }

  #onActive(jobId: string): void {
    const tracked = this.#jobs.get(jobId);
    if (!tracked) return;
    tracked.running = true;
    tracked.status = `⏳ ${LANES[tracked.lane].verb}…`;
    this.#schedule(jobId, tracked);
  }

  #onProgress(jobId: string, progress: LaneProgress): void {
    const tracked = this.#jobs.get(jobId);
    if (!tracked || typeof progress !== 'object' || progress === null) return;
    tracked.running = true;
    if (progress.delta) tracked.text += progress.delta;
    const percent = progress.percent !== undefined ? ` ${Math.round(progress.percent)}%` : '';
    tracked.status = `⏳ ${progress.stage ?? LANES[tracked.lane].verb}…${percent}`;
    this.#schedule(jobId, tracked);
  }

  /** At most one edit per interval: the latest state wins. */
  #schedule(jobId: string, tracked: Tracked): void {
    tracked.dirty = true;
    if (tracked.timer) return;
    const wait = Math.max(0, tracked.lastEdit + EDIT_INTERVAL_MS - Date.now());
    tracked.timer = setTimeout(() => {
      tracked.timer = undefined;
      if (!this.#jobs.has(jobId) || !tracked.dirty) return;
      tracked.dirty = false;
      tracked.lastEdit = Date.now();
      // Streamed chat shows its text with a "still writing" marker; other lanes show their status.
      const content = tracked.text ? `${tracked.text} ▌` : tracked.status;
      tracked.inflight = this.deliverer.progress(tracked.target, content, cancelButton(tracked.lane, jobId));
    }, wait);
  }

  async #pollPositions(): Promise<void> {
    for (const [jobId, tracked] of this.#jobs) if (!tracked.running) await this.#updatePosition(jobId, tracked);
  }

  async #updatePosition(jobId: string, tracked: Tracked): Promise<void> {
    try {
      const ahead = await this.producer.position(tracked.lane, jobId);
      const estimate = Math.round((ahead + 1) * (this.#seconds.get(tracked.lane) ?? DEFAULT_JOB_SECONDS));
      tracked.status = ahead > 0 ? `⏳ queued: ${ahead} ahead, ~${estimate} s` : `⏳ ${LANES[tracked.lane].verb}…`;
      this.#schedule(jobId, tracked);
    } catch (error) {
      this.logger.debug({ err: error }, 'queue position unavailable');
    }
  }

  /** Keeps a moving average of job durations per lane for the estimate. */
  async #learn(lane: LaneName, jobId: string): Promise<void> {
    const job = await this.producer
      .queue(lane)
      .getJob(jobId)
      .catch(() => undefined);
    if (!job?.finishedOn || !job.processedOn) return;
    const seconds = (job.finishedOn - job.processedOn) / 1000;
    const previous = this.#seconds.get(lane);
    this.#seconds.set(lane, previous === undefined ? seconds : previous * 0.8 + seconds * 0.2);
  }

  async close(): Promise<void> {
    if (this.#poller) clearInterval(this.#poller);
    for (const tracked of this.#jobs.values()) if (tracked.timer) clearTimeout(tracked.timer);
    this.#jobs.clear();
    await Promise.allSettled(this.#events.map((events) => events.close()));
  }
}
