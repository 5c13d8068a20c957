/**
 * Live placeholders for jobs this bot enqueued. A placeholder appears only when an answer is not there within about
 * a second (most FAQ answers never need one). While waiting it tells the truth — "⏳ waiting — 2 ahead (1 running)"
 * — then the lane's verb and progress ("transcribing 2/5"), or for chat the text written so far. Edits are at most
 * one per second per message and, across all messages, within a budget that leaves room for final answers. Queue
 * positions are read once per lane per tick for all placeholders, not once per placeholder.
 */
import { QueueEvents } from 'bullmq';
import { ButtonBuilder, ButtonStyle, ActionRowBuilder } from 'discord.js';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import { coreMessages } from '../../i18n/messages.ts';
import { localTextSchema, pick, type Locale } from '../../i18n/text.ts';
import { allLanes } from '../../lanes/index.ts';
import type { ActionRow } from '../../lanes/discord.ts';
import type { LaneRef } from '../../lanes/lane.ts';
import { PositionBoard, positionKeys } from '../../queue/position.ts';
import type { LaneProducer } from '../../queue/producer.ts';
import { customId } from './custom-id.ts';
import type { Deliverer } from './deliver.ts';
import type { DiscordTarget } from './target.ts';

/** Edits of one placeholder are at least this far apart. */
export const EDIT_INTERVAL_MS = 1_000;
/** Answers within this time never show a placeholder (or its first edit). */
export const PLACEHOLDER_DELAY_MS = 1_000;
const POSITION_POLL_MS = 3_000;
/** Progress edits per second across all placeholders; final answers are not counted and go first. */
const EDIT_BUDGET_PER_SECOND = 20;
/** How long a job finished before it was tracked is remembered (the request path is far behind if it is not by then). */
const FINISHED_MEMORY_MS = 5 * 60_000;

/** The namespace of the Cancel button under placeholders: `cancel:<lane>:<job>`. */
export const CANCEL_BUTTON = 'cancel';

interface Tracked {
  readonly lane: Pick<LaneRef, 'name' | 'verb'>;
  readonly target: DiscordTarget;
  readonly sourceId: string;
  readonly locale: Locale;
  readonly since: number;
  text: string;
  status: string;
  running: boolean;
  lastEdit: number;
  timer: NodeJS.Timeout | undefined;
  dirty: boolean;
  /** The placeholder post or edit on its way, awaited before the answer replaces it. */
  inflight: Promise<unknown>;
}

export function cancelButton(lane: string, jobId: string, locale: Locale): ActionRow[] {
  const id = customId(CANCEL_BUTTON, lane, jobId);
  if (!id) return [];
  return [
    new ActionRowBuilder<ButtonBuilder>()
      .addComponents(new ButtonBuilder().setCustomId(id).setStyle(ButtonStyle.Danger).setLabel(pick(coreMessages.cancel, locale)))
      .toJSON(),
  ];
}

export class ProgressTracker {
  readonly #jobs = new Map<string, Tracked>();
  /**
   * Jobs answered before the request path tracked them (a fast lane under a burst), with when: tracking one of them
   * must not put a "⏳" placeholder over its answer.
   */
  readonly #finishedEarly = new Map<string, number>();
  readonly #events: QueueEvents[] = [];
  readonly #seconds = new Map<string, number>();
  #budget = EDIT_BUDGET_PER_SECOND;
  #timers: NodeJS.Timeout[] = [];
  #positions: PositionBoard | undefined;

  constructor(
    private readonly config: Config,
    private readonly connection: () => Redis,
    private readonly producer: LaneProducer,
    private readonly deliverer: Deliverer,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    for (const lane of allLanes().filter((l) => this.producer.tunables(l.name).enabled)) {
      const events = new QueueEvents(lane.queue, { connection: this.connection(), prefix: this.config.redis.prefix });
      events.on('error', () => undefined);
      events.on('progress', ({ jobId, data }) => this.#onProgress(jobId, data));
      events.on('active', ({ jobId }) => this.#onActive(jobId));
      events.on('completed', ({ jobId }) => void this.#learn(lane.name, jobId));
      this.#events.push(events);
    }
    await Promise.all(this.#events.map((events) => events.waitUntilReady()));
    // Rank lookups in BullMQ's sorted set, one round trip per lane per tick: the cost follows the placeholders shown,
    // not the length of the queue.
    const redis = this.connection();
    this.#positions = new PositionBoard((lane) => Promise.resolve({ redis, keys: positionKeys(this.producer.queue(lane)) }));
    this.#timers = [
      setInterval(() => void this.#pollPositions(), POSITION_POLL_MS),
      setInterval(() => (this.#budget = EDIT_BUDGET_PER_SECOND), 1_000),
    ];
    for (const timer of this.#timers) timer.unref();
  }

  /** Seconds a job of the lane has been taking (moving average), for estimates. */
  secondsPerJob(lane: string): number {
    return this.#seconds.get(lane) ?? 5;
  }

  /** Starts showing progress for a job; nothing is shown unless it takes longer than a second. */
  track(lane: Pick<LaneRef, 'name' | 'verb'>, jobId: string, target: DiscordTarget, sourceId: string, locale: Locale): void {
    if (this.#finishedEarly.delete(jobId)) return;
    const tracked: Tracked = {
      lane,
      target,
      sourceId,
      locale,
      since: Date.now(),
      text: '',
      status: pick(coreMessages.queued, locale),
      running: false,
      lastEdit: 0,
      dirty: true,
      timer: undefined,
      inflight: Promise.resolve(),
    };
    this.#jobs.set(jobId, tracked);
    this.#positions?.track(lane.name, jobId);
    tracked.timer = setTimeout(() => this.#flush(jobId, tracked), PLACEHOLDER_DELAY_MS);
  }

  /** Stops tracking and waits for a placeholder post or edit in flight, so it cannot land after the answer. */
  async finish(jobId: string): Promise<void> {
    const tracked = this.#jobs.get(jobId);
    if (!tracked) {
      this.#rememberFinished(jobId);
      return;
    }
    if (tracked.timer) clearTimeout(tracked.timer);
    this.#jobs.delete(jobId);
    this.#positions?.untrack(tracked.lane.name, jobId);
    await tracked.inflight.catch(() => undefined);
  }

  #rememberFinished(jobId: string): void {
    const now = Date.now();
    // Oldest first (insertion order): forget those past the memory.
    for (const [id, at] of this.#finishedEarly) {
      if (now - at < FINISHED_MEMORY_MS) break;
      this.#finishedEarly.delete(id);
    }
    this.#finishedEarly.set(jobId, now);
  }

  #onActive(jobId: string): void {
    const tracked = this.#jobs.get(jobId);
    if (!tracked) return;
    tracked.running = true;
    this.#positions?.untrack(tracked.lane.name, jobId);
    tracked.status = pick(coreMessages.running(tracked.lane.verb), tracked.locale);
    this.#schedule(jobId, tracked);
  }

  #onProgress(jobId: string, data: unknown): void {
    const tracked = this.#jobs.get(jobId);
    if (!tracked || typeof data !== 'object' || data === null) return;
    const progress = data as { delta?: unknown; stage?: unknown; percent?: unknown };
    tracked.running = true;
    if (typeof progress.delta === 'string') tracked.text += progress.delta;
    const stage = localTextSchema.safeParse(progress.stage);
    const percent = typeof progress.percent === 'number' ? progress.percent : undefined;
    tracked.status = pick(coreMessages.running(stage.success ? stage.data : tracked.lane.verb, percent), tracked.locale);
    this.#schedule(jobId, tracked);
  }

  /** At most one edit per interval per message, none in the first second: the latest state wins. */
  #schedule(jobId: string, tracked: Tracked): void {
    tracked.dirty = true;
    if (tracked.timer) return;
    const wait = Math.max(0, tracked.since + PLACEHOLDER_DELAY_MS - Date.now(), tracked.lastEdit + EDIT_INTERVAL_MS - Date.now());
    tracked.timer = setTimeout(() => this.#flush(jobId, tracked), wait);
  }

  #flush(jobId: string, tracked: Tracked): void {
    tracked.timer = undefined;
    if (!this.#jobs.has(jobId) || !tracked.dirty) return;
    if (this.#budget <= 0) {
      // Over the edit budget: try again shortly; answers are never held by this.
      tracked.timer = setTimeout(() => this.#flush(jobId, tracked), 250 + Math.random() * 500);
      return;
    }
    this.#budget -= 1;
    tracked.dirty = false;
    tracked.lastEdit = Date.now();
    // Streamed chat shows its text with a "still writing" marker; other lanes show their status.
    const content = tracked.text ? `${tracked.text} ▌` : tracked.status;
    const components = cancelButton(tracked.lane.name, jobId, tracked.locale);
    const previous = tracked.inflight;
    tracked.inflight = previous
      .then(async () => {
        const { target } = tracked;
        if (target.kind === 'message' && !(await this.deliverer.hasPlaceholder(tracked.sourceId))) {
          await this.deliverer.placeholder(target, tracked.sourceId, content, components);
        } else {
          await this.deliverer.progress(target, tracked.sourceId, content, components);
        }
      })
      .catch((error: unknown) => this.logger.debug({ err: error }, 'placeholder update failed'));
  }

  /** Queue positions, read once per lane for all its waiting placeholders; a placeholder is edited only on change. */
  async #pollPositions(): Promise<void> {
    const board = this.#positions;
    if (!board || ![...this.#jobs.values()].some((tracked) => !tracked.running)) return;
    try {
      await board.refresh();
    } catch (error) {
      this.logger.debug({ err: error }, 'queue positions unavailable');
      return;
    }
    for (const [jobId, tracked] of this.#jobs) {
      const position = board.get(jobId);
      if (tracked.running || position?.state !== 'waiting') continue;
      const status = pick(coreMessages.waiting(position.ahead, position.running), tracked.locale);
      if (status === tracked.status) continue;
      tracked.status = status;
      this.#schedule(jobId, tracked);
    }
  }

  /** Keeps a moving average of job durations per lane for the estimates. */
  async #learn(lane: string, jobId: string): Promise<void> {
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
    for (const timer of this.#timers) clearInterval(timer);
    for (const tracked of this.#jobs.values()) if (tracked.timer) clearTimeout(tracked.timer);
    this.#jobs.clear();
    this.#finishedEarly.clear();
    await Promise.allSettled(this.#events.map((events) => events.close()));
  }
}
