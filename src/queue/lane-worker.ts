/**
 * Runs one lane's BullMQ worker around its processor: validates the job, enforces the lane timeout, reports
 * progress, posts the result (or the member-facing error) on the job's replies queue, and queues the next step of
 * a chain. Delivery is at least once, so every write here is idempotent by job id. A job that fails for any
 * reason — its processor threw on the last attempt, or it stalled too often because its worker died — tells its
 * member (the `failed` listener publishes the error reply; publishing twice is a no-op) and is logged.
 */
import { hostname } from 'node:os';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Config } from '../config/index.ts';
import { describeError, isUserError, UserError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { coreMessages } from '../i18n/messages.ts';
import { localeOf } from '../i18n/text.ts';
import { nextStep } from '../lanes/chain.ts';
import { laneNamed } from '../lanes/index.ts';
import type { AnyLane, AnySchema } from '../lanes/lane.ts';
import { ABORT_SHUTDOWN, ABORT_TIMEOUT, abortReason, type LaneProcessor, type LaneProgress } from '../lanes/process-context.ts';
import { jobEnvelopeSchema, type JobEnvelope, type ReplyEnvelope, type ReplyError } from './envelope.ts';
import { assertTextFits, type LaneProducer } from './producer.ts';
import type { ReplyPublisher } from './replies.ts';
import { formatZodIssues } from './validation.ts';

export interface LaneWorkerDeps {
  readonly config: Config;
  readonly connection: Redis;
  readonly replies: ReplyPublisher;
  readonly producer: LaneProducer;
  readonly logger: Logger;
  /** Called once per finished job (metrics). */
  readonly onFinished?: (event: FinishedJob) => void;
  /** The running job's lock and how often stalled jobs are looked for (defaults: `LOCK_DURATION_MS`, `STALLED_INTERVAL_MS`). */
  readonly lock?: LockTimings;
}

/** How fast a dead worker's job is noticed: its lock expires after `durationMs`, checked every `stalledIntervalMs`. */
export interface LockTimings {
  readonly durationMs: number;
  readonly stalledIntervalMs: number;
}

export interface FinishedJob {
  readonly lane: string;
  /** `stalled`: its worker died mid-job more often than allowed (the member was told). */
  readonly outcome: 'ok' | 'refused' | 'failed' | 'stalled' | 'cancelled' | 'timeout';
  readonly waitMs: number;
  readonly runMs: number;
}

/**
 * The lock a running job holds. It is renewed every half lock while the event loop turns (ONNX runs of the default
 * models block it for well under a second), so a worker that died is noticed within about 30 s.
 */
export const LOCK_DURATION_MS = 30_000;
/** This process, as `processedBy` on the jobs it runs and in stall log lines: `host:pid`. */
const WORKER_NAME = `${hostname()}:${process.pid}`;
export const STALLED_INTERVAL_MS = 10_000;

export function createLaneWorker(lane: AnyLane, processor: LaneProcessor<z.output<AnySchema>, unknown>, deps: LaneWorkerDeps): Worker {
  const tunables = deps.producer.tunables(lane.name);
  const logger = deps.logger.child({ lane: lane.name });

  const handle = async (job: Job, token?: string, signal?: AbortSignal): Promise<unknown> => {
    const envelope = jobEnvelopeSchema.safeParse(job.data);
    if (!envelope.success) {
      // Without a valid envelope there is nowhere to reply to: fail loudly, never retry.
      logger.error({ jobId: job.id, problems: formatZodIssues(envelope.error.issues) }, 'dropping a job with an invalid envelope');
      throw new UnrecoverableError(`invalid job envelope: ${formatZodIssues(envelope.error.issues)}`);
    }
    const data = envelope.data;
    const jobId = job.id ?? '';
    const started = Date.now();
    const timeout = new AbortController();
    /** Why the job stopped early, if it did: counted apart from failures. */
    const stopped = (): FinishedJob['outcome'] | undefined => {
      const why = signal?.aborted ? abortReason(signal) : timeout.signal.aborted ? abortReason(timeout.signal) : undefined;
      return why === 'cancelled' || why === 'timeout' ? why : undefined;
    };
    try {
      const input = lane.input.safeParse(data.input);
      if (!input.success) throw new UserError('bad_request', coreMessages.badRequest(formatZodIssues(input.error.issues)));
      assertTextFits(lane, input.data, deps.config.limits.maxTextChars);
      const timer = setTimeout(() => timeout.abort(ABORT_TIMEOUT), tunables.timeoutSec * 1000);
      const jobSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
      let result: unknown;
      try {
        const report = (progress: LaneProgress) => void job.updateProgress({ ...progress }).catch(() => undefined);
        const locale = data.context.language ?? localeOf(data.context.locale);
        result = await processor(input.data, {
          jobId,
          context: data.context,
          locale,
          signal: jobSignal,
          report,
          logger: logger.child({ jobId }),
        });
      } finally {
        clearTimeout(timer);
      }
      if (signal?.aborted && signal.reason === ABORT_SHUTDOWN) return await handBack(job, token);
      const parsed: unknown = lane.result.parse(result);
      const next = await queueNext(lane, data, parsed, deps);
      await deps.replies.publish(data.reply.queue, reply(lane.name, jobId, data, { ok: true, result: parsed }, next));
      finished(job, stopped() ?? 'ok', started);
      return parsed;
    } catch (error) {
      if (signal?.aborted && signal.reason === ABORT_SHUTDOWN) return await handBack(job, token);
      const finalAttempt = isUserError(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!finalAttempt) {
        logger.warn({ jobId, attempt: job.attemptsMade + 1, err: error }, 'job failed, will retry');
        throw error;
      }
      const failure = failureOf(error, logger, jobId);
      await deps.replies.publish(data.reply.queue, reply(lane.name, jobId, data, { ok: false, error: failure }));
      finished(job, stopped() ?? (isUserError(error) ? 'refused' : 'failed'), started);
      throw isUserError(error) ? new UnrecoverableError(error.message) : error;
    }
  };

  const finished = (job: Job, outcome: FinishedJob['outcome'], started: number) => {
    const event = { lane: lane.name, outcome, waitMs: Math.max(0, started - job.timestamp), runMs: Date.now() - started };
    logger.info({ jobId: job.id, ...event }, 'job finished');
    deps.onFinished?.(event);
  };

  /** Puts the job back untouched (no attempt used) so another worker runs it right away. */
  const handBack = async (job: Job, token: string | undefined): Promise<never> => {
    await job.moveToDelayed(Date.now(), token);
    logger.info({ jobId: job.id }, 'job handed back on shutdown');
    throw new DelayedError();
  };

  const worker = new Worker(lane.queue, handle, {
    connection: deps.connection,
    prefix: deps.config.redis.prefix,
    concurrency: tunables.concurrency,
    lockDuration: deps.lock?.durationMs ?? LOCK_DURATION_MS,
    stalledInterval: deps.lock?.stalledIntervalMs ?? STALLED_INTERVAL_MS,
    autorun: false,
    // Stored on each job it runs (`processedBy`, shown by the dashboard): which process runs a job.
    name: WORKER_NAME,
  });
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  worker.on('stalled', (jobId) => onStalled(jobId));
  worker.on('failed', (job, error) => void onFailed(job, error));

  // Which process lost it is not knowable here: BullMQ hands the job on (and overwrites `processedBy`) at once.
  const onStalled = (jobId: string): void =>
    logger.warn({ jobId, lane: lane.name, noticedBy: WORKER_NAME }, 'a running job lost its worker (stalled); it will run again');

  /** Jobs that failed outside the processor (stalled too often) still tell their member. */
  const onFailed = async (job: Job | undefined, error: Error): Promise<void> => {
    if (!job || error instanceof DelayedError || !/stalled/iu.test(error.message)) return;
    logger.warn(
      { jobId: job.id, lane: lane.name, noticedBy: WORKER_NAME },
      'a job lost its worker too often (stalled); its member is told',
    );
    const envelope = jobEnvelopeSchema.safeParse(job.data);
    if (!envelope.success) return;
    const failure = failureOf(error, logger, job.id ?? '');
    await deps.replies
      .publish(envelope.data.reply.queue, reply(lane.name, job.id ?? '', envelope.data, { ok: false, error: failure }))
      .catch((publishError: unknown) => logger.error({ jobId: job.id, err: publishError }, 'could not tell the member about a failed job'));
    deps.onFinished?.({ lane: lane.name, outcome: 'stalled', waitMs: 0, runMs: 0 });
  };
  return worker;
}

/** The member-facing failure; internal errors are logged here with the reference the member sees. */
function failureOf(error: unknown, logger: Logger, jobId: string): ReplyError {
  const described = describeError(error);
  if (described.reference) logger.error({ jobId, reference: described.reference, err: error }, 'job failed');
  else logger.info({ jobId, code: described.code }, 'job refused: %s', described.userMessage.en);
  return { code: described.code, message: described.userMessage, ...(described.reference ? { reference: described.reference } : {}) };
}

/** Queues the chain's next step (its id is deterministic, so a re-run step queues it once); returns its lane. */
async function queueNext(lane: AnyLane, data: JobEnvelope, result: unknown, deps: LaneWorkerDeps): Promise<string | undefined> {
  const output = lane.chain?.output(result);
  if (!output || !data.then?.length) return undefined;
  const found = nextStep(data.then, output);
  if (!found) return undefined;
  const nextLane = laneNamed(found.step.lane);
  if (!nextLane?.chain?.input) return undefined;
  await deps.producer.enqueue(nextLane, {
    sourceId: data.sourceId,
    input: nextLane.chain.input(output, found.step.options ?? {}),
    context: data.context,
    reply: data.reply,
    ...(found.rest.length ? { then: found.rest } : {}),
    ...(found.step.quiet ? { quiet: true } : {}),
    ...(data.requestedAt ? { requestedAt: data.requestedAt } : {}),
  });
  return nextLane.name;
}

function reply(lane: string, jobId: string, data: JobEnvelope, outcome: ReplyEnvelope['outcome'], next?: string): ReplyEnvelope {
  return {
    jobId,
    lane,
    sourceId: data.sourceId,
    context: data.context,
    target: data.reply.target,
    outcome,
    ...(next ? { next } : {}),
    ...(next && data.quiet ? { quiet: true } : {}),
    ...(data.requestedAt ? { requestedAt: data.requestedAt } : {}),
  };
}
