/**
 * Feeds the watchdog from a real worker process: each lane's waiting count from its BullMQ queue, the jobs
 * this process's BullMQ worker finished (its `completed` and `failed` events), and the event loop's delay
 * (`LagSampler`). It ticks on a timer, logs when the verdict changes, and exposes the last verdict as a
 * readiness check.
 */
import type { Queue, Worker } from 'bullmq';
import type { Logger } from '../core/logger.ts';
import type { WatchdogConfig } from './config.ts';
import { LagSampler } from './lag.ts';
import type { ReadinessCheck } from './readiness.ts';
import { defaultStallMs, WatchdogState, type LaneObservation } from './watchdog.ts';

export interface WatchedLane {
  readonly lane: string;
  readonly queue: Queue;
  readonly worker: Worker;
  /** The lane's job timeout, for the default stall window. */
  readonly timeoutSec: number;
}

export interface WatchdogOptions {
  readonly lanes: readonly WatchedLane[];
  readonly config: WatchdogConfig;
  readonly logger: Logger;
  /** Between two looks at the queues and the event loop. @defaultValue 5000 */
  readonly intervalMs?: number;
  /** The clock (tests move it instead of waiting). @defaultValue Date.now */
  readonly now?: () => number;
}

export class Watchdog {
  readonly #state: WatchdogState;
  readonly #finished = new Map<string, number>();
  readonly #lag = new LagSampler();
  readonly #options: WatchdogOptions;
  readonly #now: () => number;
  readonly #detach: (() => void)[] = [];
  #timer: NodeJS.Timeout | undefined;
  #lastKey: string | undefined;
  #ticking = false;

  constructor(options: WatchdogOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    const windows = new Map(options.lanes.map(({ lane, timeoutSec }) => [lane, stallWindowMs(options.config, timeoutSec)]));
    this.#state = new WatchdogState({
      stallMs: (lane) => windows.get(lane) ?? Number.POSITIVE_INFINITY,
      maxLagMs: options.config.maxEventLoopLagMs,
      holdMs: options.config.holdSec * 1000,
    });
    for (const { lane, worker } of options.lanes) {
      this.#finished.set(lane, 0);
      const count = () => void this.#finished.set(lane, (this.#finished.get(lane) ?? 0) + 1);
      worker.on('completed', count);
      worker.on('failed', count);
      this.#detach.push(() => {
        worker.off('completed', count);
        worker.off('failed', count);
      });
    }
  }

  /** For `/readyz`: the verdict as of now (the lane counts are as of the last tick). */
  readonly check: ReadinessCheck = { name: 'watchdog', check: () => this.#state.verdict(this.#now()) };

  /** Starts ticking; the timer never keeps the process alive. */
  start(): void {
    // During a Redis outage a look can wait for the reconnection: never start a second one meanwhile.
    const look = async () => {
      if (this.#ticking) return;
      this.#ticking = true;
      await this.tick().finally(() => (this.#ticking = false));
    };
    this.#timer = setInterval(() => void look(), this.#options.intervalMs ?? 5_000).unref();
  }

  /** One look: lag since the last look, the lanes' waiting counts, then the verdict (logged when it changes). */
  async tick(): Promise<void> {
    this.#state.observeLag(this.#now(), this.#lag.take());
    try {
      this.#state.observeLanes(this.#now(), await this.#observe());
    } catch (error) {
      // Redis is down: the Redis check reports that; the lanes keep their last observation.
      this.#options.logger.debug({ err: error }, 'watchdog could not read the queues');
    }
    this.#report();
  }

  async #observe(): Promise<LaneObservation[]> {
    return Promise.all(
      this.#options.lanes.map(async ({ lane, queue }) => {
        const counts = await queue.getJobCounts('wait', 'prioritized');
        return { lane, waiting: (counts.wait ?? 0) + (counts.prioritized ?? 0), finished: this.#finished.get(lane) ?? 0 };
      }),
    );
  }

  /** Logs when the verdict changes; a reason whose numbers alone moved (seconds, counts) is the same reason. */
  #report(): void {
    const verdict = this.#state.verdict(this.#now());
    const reason = verdict.ok ? undefined : verdict.reason;
    const key = reason?.replace(/\d+/gu, '#');
    if (key === this.#lastKey) return;
    if (reason) this.#options.logger.warn({ reason }, `watchdog: not ready: ${reason}`);
    else this.#options.logger.info('watchdog: ready again');
    this.#lastKey = key;
  }

  close(): void {
    clearInterval(this.#timer);
    this.#lag.close();
    for (const detach of this.#detach.splice(0)) detach();
  }
}

/** `watchdog.stallSec` when set, else the lane's timeout plus a minute. */
export function stallWindowMs(config: WatchdogConfig, timeoutSec: number): number {
  return config.stallSec > 0 ? config.stallSec * 1000 : defaultStallMs(timeoutSec);
}
