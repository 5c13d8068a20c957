/**
 * The contract every lane's processor implements. Processors are plain functions of their
 * dependencies (`createTranslateProcessor({ config, runtime, logger })`): only entry points wire
 * real instances, so lane tests run them directly on the fixture models.
 */
import type { Logger } from '../core/logger.ts';
import type { JobContext } from '../queue/envelope.ts';
import type { LaneInput, LaneName, LaneResult } from './registry.ts';

/** A progress event, sent to the front end through the job's progress. */
export interface LaneProgress {
  /** What the worker is doing now ("loading model", "window 2/5"). */
  readonly stage?: string;
  /** 0..100 when known. */
  readonly percent?: number;
  /** Newly written text (streamed generation), in order; the front end appends it. */
  readonly delta?: string;
}

export interface ProcessContext {
  readonly jobId: string;
  readonly context: JobContext;
  /** Aborted on cancellation, on the lane's timeout, and on forced shutdown. `reason` tells which. */
  readonly signal: AbortSignal;
  readonly report: (progress: LaneProgress) => void;
  readonly logger: Logger;
}

export type LaneProcessor<L extends LaneName> = (input: LaneInput<L>, ctx: ProcessContext) => Promise<LaneResult<L>>;

export type LaneProcessors = { readonly [L in LaneName]?: LaneProcessor<L> };

/** Reasons a processor's signal is aborted with. */
export const ABORT_CANCELLED = 'cancelled';
export const ABORT_TIMEOUT = 'timeout';
/** The worker process is stopping: the job goes back to the queue for another worker. */
export const ABORT_SHUTDOWN = 'shutdown';

export function abortReason(signal: AbortSignal): 'cancelled' | 'timeout' | 'shutdown' | 'other' {
  const reason: unknown = signal.reason;
  if (reason === ABORT_CANCELLED) return 'cancelled';
  if (reason === ABORT_SHUTDOWN) return 'shutdown';
  if (reason === ABORT_TIMEOUT || (reason instanceof Error && reason.name === 'TimeoutError')) return 'timeout';
  return 'other';
}
