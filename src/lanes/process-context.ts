/**
 * What a lane's processor is: a plain function of its input and a `ProcessContext`, built by the lane's
 * `createProcessor(deps)`. Only entry points wire real dependencies, so lane tests run processors directly on the
 * fixture models.
 */
import type { Logger } from '../core/logger.ts';
import type { Locale, LocalText } from '../i18n/text.ts';
import type { JobContext } from '../queue/envelope.ts';

/** A progress event, sent to the front end through the job's progress. */
export interface LaneProgress {
  /** What the worker is doing now ("window 2/5"), in the member's language. */
  readonly stage?: LocalText;
  /** 0..100 when known. */
  readonly percent?: number;
  /** Newly written text (streamed generation), in order; the front end appends it. */
  readonly delta?: string;
}

export interface ProcessContext {
  readonly jobId: string;
  readonly context: JobContext;
  /** The language the member reads (for texts a lane writes into its result). */
  readonly locale: Locale;
  /** Aborted on cancellation, on the lane's timeout, and on forced shutdown. `reason` tells which. */
  readonly signal: AbortSignal;
  readonly report: (progress: LaneProgress) => void;
  readonly logger: Logger;
}

export type LaneProcessor<In, Out> = (input: In, ctx: ProcessContext) => Promise<Out>;

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
