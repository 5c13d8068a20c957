/**
 * Runs one lane's BullMQ worker around a processor: validates the job, enforces the lane timeout,
 * reports progress, posts the result (or the user-facing error) on the job's replies queue, and
 * chains follow-up steps. Delivery is at least once, so every write here is idempotent by job id.
 */
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import { describeError, isUserError, UserError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { ABORT_SHUTDOWN, ABORT_TIMEOUT, type LaneProcessor, type LaneProgress } from '../lanes/processor.ts';
import { LANES, resolveLane, type LaneName } from '../lanes/registry.ts';
import { jobEnvelopeSchema, type JobEnvelope, type ReplyEnvelope } from './envelope.ts';
import type { LaneProducer } from './producer.ts';
import type { ReplyPublisher } from './replies.ts';
import { formatZodIssues } from './validation.ts';
import { followUpInput } from './follow-up.ts';

export interface LaneWorkerDeps {
  readonly config: Config;
  readonly connection: Redis;
  readonly replies: ReplyPublisher;
  readonly producer: LaneProducer;
  readonly logger: Logger;
}

/** Lock long enough that a long ONNX run (which blocks lock renewal) is not taken for a stall. */
export function lockDurationMs(timeoutSec: number): number {
  return Math.min(Math.max(timeoutSec * 250, 30_000), 120_000);
}

export function createLaneWorker<L extends LaneName>(lane: L, processor: LaneProcessor<L>, deps: LaneWorkerDeps): Worker {
  const spec = resolveLane(deps.config, lane);
  const logger = deps.logger.child({ lane });

  const handle = async (job: Job, token?: string, signal?: AbortSignal): Promise<unknown> => {
    const envelope = jobEnvelopeSchema.safeParse(job.data);
    if (!envelope.success) {
      // Without a valid envelope there is nowhere to reply to: fail loudly, never retry.
      throw new UnrecoverableError(`invalid job envelope: ${formatZodIssues(envelope.error.issues)}`);
    }
    const data = envelope.data;
    const jobId = job.id ?? '';
    try {
      const input = LANES[lane].input.safeParse(data.input);
      if (!input.success) throw new UserError('bad_request', formatZodIssues(input.error.issues));
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(ABORT_TIMEOUT), spec.timeoutSec * 1000);
      const jobSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
      let result: unknown;
      try {
        const report = (progress: LaneProgress) => void job.updateProgress({ ...progress }).catch(() => undefined);
        result = await processor(input.data as never, {
          jobId,
          context: data.context,
          signal: jobSignal,
          report,
          logger: logger.child({ jobId }),
        });
      } finally {
        clearTimeout(timer);
      }
      if (signal?.aborted && signal.reason === ABORT_SHUTDOWN) return await handBack(job, token);
      const parsed = LANES[lane].result.parse(result);
      const [next, ...rest] = data.then ?? [];
      if (next) {
        await deps.producer.enqueue(next.lane, {
          sourceId: data.sourceId,
          input: followUpInput(next, lane, parsed) as never,
          context: data.context,
          reply: data.reply,
          ...(rest.length ? { then: rest } : {}),
        });
      }
      await deps.replies.publish(data.reply.queue, reply(lane, jobId, data, { ok: true, result: parsed }, next?.lane));
      return parsed;
    } catch (error) {
      if (signal?.aborted && signal.reason === ABORT_SHUTDOWN) return await handBack(job, token);
      const finalAttempt = isUserError(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!finalAttempt) {
        logger.warn({ jobId, attempt: job.attemptsMade + 1, err: error }, 'job failed, will retry');
        throw error;
      }
      const described = describeError(error);
      if (described.reference) logger.error({ jobId, reference: described.reference, err: error }, 'job failed');
      else logger.info({ jobId, code: described.code }, 'job refused: %s', described.userMessage);
      const failure = {
        code: described.code,
        message: described.userMessage,
        ...(described.reference ? { reference: described.reference } : {}),
      };
      await deps.replies.publish(data.reply.queue, reply(lane, jobId, data, { ok: false, error: failure }));
      throw isUserError(error) ? new UnrecoverableError(error.message) : error;
    }
  };

  /** Puts the job back untouched (no attempt used) so another worker runs it right away. */
  const handBack = async (job: Job, token: string | undefined): Promise<never> => {
    await job.moveToDelayed(Date.now(), token);
    logger.info({ jobId: job.id }, 'job handed back on shutdown');
    throw new DelayedError();
  };

  const worker = new Worker(LANES[lane].queue, handle, {
    connection: deps.connection,
    prefix: deps.config.redis.prefix,
    concurrency: spec.concurrency,
    lockDuration: lockDurationMs(spec.timeoutSec),
    autorun: false,
  });
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  return worker;
}

function reply(lane: LaneName, jobId: string, data: JobEnvelope, outcome: ReplyEnvelope['outcome'], next?: LaneName): ReplyEnvelope {
  return { jobId, lane, sourceId: data.sourceId, context: data.context, target: data.reply.target, outcome, ...(next ? { next } : {}) };
}
