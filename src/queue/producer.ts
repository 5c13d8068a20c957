/**
 * Typed enqueue for the front ends (bot, local chat) and for chained steps. Payloads are validated here, before
 * anything reaches Redis, and again by the worker. Over a lane's `maxWaiting`, requests are refused at once with
 * "busy" so that a flood of one lane never makes members of another wait in silence.
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Config } from '../config/index.ts';
import { UserError } from '../core/errors.ts';
import { coreMessages } from '../i18n/messages.ts';
import { laneNamed } from '../lanes/index.ts';
import type { LaneRef, LaneWithInput } from '../lanes/lane.ts';
import { jobEnvelopeSchema, type FollowUp, type JobContext, type ReplyRoute } from './envelope.ts';
import { laneJobId } from './job-id.ts';
import { formatZodIssues } from './validation.ts';

export interface EnqueueRequest<In> {
  readonly sourceId: string;
  readonly input: In;
  readonly context: JobContext;
  readonly reply: ReplyRoute;
  readonly then?: readonly FollowUp[];
  readonly quiet?: boolean;
  readonly requestedAt?: number;
}

export interface Enqueued {
  readonly lane: string;
  readonly jobId: string;
}

/** Longest an enqueue may take before the front end tells the member the queue is unreachable. */
export const ENQUEUE_TIMEOUT_MS = 5_000;

/** Redis is down or too slow: the request was (probably) not queued. */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
}

/** Channel on which cancellation requests for running jobs reach every worker process. */
export const cancelChannel = (prefix: string) => `${prefix}:cancel`;

/** Refuses input whose text is over `limits.maxTextChars` (a 100,000-character question would freeze a worker). */
export function assertTextFits<I extends z.ZodType>(lane: LaneWithInput<I>, input: z.output<I>, max: number): void {
  const chars = lane.measure?.(input) ?? 0;
  if (chars > max) throw new UserError('too_long', coreMessages.tooLong(chars, max));
}

/** Seconds a job of the lane takes, as the front end has observed (for "busy, try again in ~N s"). */
export type DurationEstimate = (lane: string) => number;

export class LaneProducer {
  readonly #queues = new Map<string, Queue>();

  constructor(
    private readonly config: Config,
    private readonly connection: Redis,
    private readonly estimate: DurationEstimate = () => 5,
  ) {}

  /** Validates and enqueues one lane job; a redelivered source maps onto the same job. */
  async enqueue<I extends z.ZodType>(lane: LaneWithInput<I>, request: EnqueueRequest<z.input<I>>): Promise<Enqueued> {
    const tunables = this.tunables(lane.name);
    if (!tunables.enabled) throw new UserError('unavailable', coreMessages.laneDisabled(lane.name));
    const input = lane.input.safeParse(request.input);
    if (!input.success) throw new UserError('bad_request', coreMessages.badRequest(formatZodIssues(input.error.issues)));
    assertTextFits(lane, input.data, this.config.limits.maxTextChars);
    for (const step of request.then ?? []) {
      if (!laneNamed(step.lane)?.chain?.input) throw new Error(`lane ${step.lane} cannot follow another step`);
    }
    const data = jobEnvelopeSchema.parse({ ...request, input: input.data, then: request.then ? [...request.then] : undefined });
    const jobId = laneJobId(lane.name, request.sourceId);
    const options: JobsOptions = {
      jobId,
      priority: tunables.priority,
      attempts: tunables.attempts,
      backoff: { type: 'exponential', delay: this.config.queue.backoffMs },
      removeOnComplete: { count: this.config.queue.keepCompleted, age: this.config.queue.keepCompletedAgeSec },
      removeOnFail: { count: this.config.queue.keepFailed, age: this.config.queue.keepFailedAgeSec },
    };
    // BullMQ waits for a reconnecting client instead of failing: answer the member now, not when Redis returns.
    if (['reconnecting', 'close', 'end'].includes(this.connection.status))
      throw new QueueUnavailableError(`Redis is ${this.connection.status}`);
    await this.#withTimeout(async () => {
      if (tunables.maxWaiting > 0) await this.#refuseWhenFull(lane, tunables.maxWaiting);
      await this.queue(lane.name).add(lane.name, data, options);
    });
    return { lane: lane.name, jobId };
  }

  async #refuseWhenFull(lane: Pick<LaneRef, 'name' | 'verb'>, maxWaiting: number): Promise<void> {
    const waiting = await this.queue(lane.name).getJobCountByTypes('waiting', 'prioritized');
    if (waiting < maxWaiting) return;
    const seconds = Math.max(5, Math.ceil(waiting * this.estimate(lane.name)));
    throw new UserError('busy', coreMessages.busy(lane.verb, seconds));
  }

  async #withTimeout(work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError('enqueue timed out')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Cancels a job: a waiting one is removed; a running one is asked to stop (its worker aborts it and replies with
   * what it has). Returns what happened.
   */
  async cancel(lane: string, jobId: string): Promise<'removed' | 'signalled' | 'finished' | 'unknown'> {
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

  /** The lane's queue (created on first use). */
  queue(lane: string): Queue {
    let queue = this.#queues.get(lane);
    if (!queue) {
      queue = new Queue(lane, { connection: this.connection, prefix: this.config.redis.prefix });
      queue.on('error', () => undefined);
      this.#queues.set(lane, queue);
    }
    return queue;
  }

  tunables(lane: string): Config['lanes'][keyof Config['lanes']] {
    return this.config.lanes[lane as keyof Config['lanes']];
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#queues.values()].map((queue) => queue.close()));
    this.#queues.clear();
  }
}
