/**
 * The watchdog's judgement, as pure logic over observations (time is passed in, so tests need no clock):
 * a worker is not ready when one of its lanes has waiting jobs but the worker finished none of that lane's
 * jobs for the lane's window, or when its event loop was recently blocked longer than the threshold.
 * Waiting with nothing to do is fine; so is a long job inside its window.
 */
import { notReady, ready, type CheckResult } from './readiness.ts';

/** One lane as seen at one moment: jobs waiting in its queue, jobs this worker finished so far (a running total). */
export interface LaneObservation {
  readonly lane: string;
  readonly waiting: number;
  readonly finished: number;
}

export interface WatchdogRules {
  /** Per lane: how long waiting jobs may go without this worker finishing one. */
  readonly stallMs: (lane: string) => number;
  /** An event-loop delay above this is a block. */
  readonly maxLagMs: number;
  /** How long a block keeps the worker not ready after the loop answers again. */
  readonly holdMs: number;
}

interface LaneTrack {
  finished: number;
  /** Last time the lane was fine: nothing waiting, or a job finished. */
  progressAt: number;
  waiting: number;
}

export class WatchdogState {
  readonly #lanes = new Map<string, LaneTrack>();
  #blocked: { at: number; lagMs: number } | undefined;

  constructor(private readonly rules: WatchdogRules) {}

  observeLanes(now: number, observations: readonly LaneObservation[]): void {
    for (const { lane, waiting, finished } of observations) {
      const track = this.#lanes.get(lane);
      if (!track || waiting === 0 || finished > track.finished) this.#lanes.set(lane, { finished, progressAt: now, waiting });
      else track.waiting = waiting;
    }
  }

  /** The largest event-loop delay since the last observation, in ms. */
  observeLag(now: number, lagMs: number): void {
    if (lagMs > this.rules.maxLagMs) this.#blocked = { at: now, lagMs };
  }

  /** Ready, or not with every reason in one line. */
  verdict(now: number): CheckResult {
    const reasons: string[] = [];
    for (const [lane, track] of this.#lanes) {
      const idleMs = now - track.progressAt;
      if (track.waiting > 0 && idleMs > this.rules.stallMs(lane)) {
        reasons.push(`${lane}: ${track.waiting} job(s) waiting and none finished here for ${Math.round(idleMs / 1000)} s`);
      }
    }
    if (this.#blocked && now - this.#blocked.at <= this.rules.holdMs) {
      const ago = Math.round((now - this.#blocked.at) / 1000);
      reasons.push(`event loop blocked for ${Math.round(this.#blocked.lagMs)} ms (limit ${this.rules.maxLagMs} ms), ${ago} s ago`);
    }
    return reasons.length ? notReady(reasons.join('; ')) : ready();
  }
}

/** The default stall window of a lane: its job timeout plus a minute, since a job that long is legitimate. */
export function defaultStallMs(timeoutSec: number): number {
  return (timeoutSec + 60) * 1000;
}
