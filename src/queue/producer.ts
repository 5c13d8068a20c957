/**
 * Typed enqueue for the front ends (bot, local chat) and for chained steps. Payloads are validated
 * here, before anything reaches Redis, and again by the worker.
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import { UserError } from '../core/errors.ts';
import { LANES, resolveLane, type LaneInput, type LaneName } from '../lanes/registry.ts';
import { jobEnvelopeSchema, type JobContext, type ReplyRoute, type FollowUp } from './envelope.ts';
import { laneJobId } from './job-id.ts';
import { formatZodIssues } from './validation.ts';

export interface EnqueueRequest<L extends LaneName> {
  readonly sourceId: string;
  readonly input: LaneInput<L>;
  readonly context: JobContext;
  readonly reply: ReplyRoute;
  readonly then?: readonly FollowUp[];
}

export interface Enqueued {
  readonly lane: LaneName;
  readonly jobId: string;
}

/** Longest an enqueue may take before the front end tells the user the queue is unreachable. */
export const ENQUEUE_TIMEOUT_MS = 5_000;

/** Redis is down or too slow: the request was (probably) not queued. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}

/** Channel on which cancellation requests for running jobs reach every worker process. */
export const cancelChannel = (prefix: string) => `${prefix}:cancel`;

export class LaneProducer {
  readonly #queues = new Map<LaneName, Queue>();

  constructor(
    private readonly config: Config,
    private readonly connection: Redis,
  ) {}

  /** Validates and enqueues one lane job; a redelivered source maps onto the same job. */
  async enqueue<L extends LaneName>(lane: L, request: EnqueueRequest<L>): Promise<Enqueued> {
    const spec = resolveLane(this.config, lane);
    if (!spec.enabled) throw new UserError('unavailable', `The ${lane} lane is turned off on this server.`);
    const input = LANES[lane].input.safeParse(request.input);
    if (!input.success) throw new UserError('bad_request', formatZodIssues(input.error.issues));
    const data = jobEnvelopeSchema.parse({ ...request, input: input.data, then: request.then ? [...request.then] : undefined });
    const jobId = laneJobId(lane, request.sourceId);
    const options: JobsOptions = {
      jobId,
      priority: spec.priority,
      attempts: spec.attempts,
      backoff: { type: 'exponential', delay: this.config.queue.backoffMs },
      removeOnComplete: { count: this.config.queue.keepCompleted, age: this.config.queue.keepCompletedAgeSec },
      removeOnFail: { count: this.config.queue.keepFailed },
    };
    // BullMQ waits for a reconnecting client instead of failing: answer the user now, not when Redis returns.
    if (['reconnecting', 'close', 'end'].includes(this.connection.status))
      throw new QueueUnavailableError(`Redis is ${this.connection.status}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError('enqueue timed out')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.queue(lane).add(lane, data, options), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return { lane, jobId };
  }

  /**
   * Cancels a job: a waiting one is removed; a running one is asked to stop (its worker aborts it and
   * replies with what it has). Returns what happened.
   */
  async cancel(lane: LaneName, jobId: string): Promise<'removed' | 'signalled' | 'finished' | 'unknown'> {
    const job = await this.queue(lane).getJob(jobId);
    if (!job) return 'unknown';
    const state = await job.getState();
    if (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') {
      try {
        await job.remove();
        return 'removed';
      } catch {
        // It was picked up between the two calls: fall through and signal the worker.
      }
    } else if (state !== 'active') {
      return 'finished';
    }
    await this.connection.publish(cancelChannel(this.config.redis.prefix), JSON.stringify({ lane, jobId }));
    return 'signalled';
  }

  /** How many jobs are ahead of this one in its lane (0 when it is running or unknown). */
  async position(lane: LaneName, jobId: string): Promise<number> {
    const queue = this.queue(lane);
    const job = await queue.getJob(jobId);
    if (!job || (await job.getState()) === 'active') return 0;
    const waiting = await queue.getJobs(['prioritized', 'waiting'], 0, 999, true);
    const index = waiting.findIndex((candidate) => candidate?.id === jobId);
    return index < 0 ? 0 : index;
  }

  queue(lane: LaneName): Queue {
    let queue = this.#queues.get(lane);
    if (!queue) {
      queue = new Queue(LANES[lane].queue, { connection: this.connection, prefix: this.config.redis.prefix });
      queue.on('error', () => undefined);
      this.#queues.set(lane, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#queues.values()].map((queue) => queue.close()));
    this.#queues.clear();
  }
}
