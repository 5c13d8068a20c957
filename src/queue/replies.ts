/**
 * The replies queues (BullMQ's results-queue pattern): workers publish each finished step; the
 * process that owns the chat connection consumes them. Because results are jobs, not events, a reply
 * waits in Redis while the bot restarts, and a worker restart never loses a finished result.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import type { Logger } from '../core/logger.ts';
import { replyEnvelopeSchema, type ReplyEnvelope } from './envelope.ts';
import { replyJobId } from './job-id.ts';

/** The queue that carries results back to the process that owns the chat connection. */
export const REPLIES_QUEUE = 'replies';

export class ReplyPublisher {
  readonly #queues = new Map<string, Queue>();

  constructor(
    private readonly config: Config,
    private readonly connection: Redis,
  ) {}

  /** Posts one reply. Its id derives from the lane job's, so a re-run job does not reply twice while kept. */
  async publish(queueName: string, envelope: ReplyEnvelope): Promise<void> {
    let queue = this.#queues.get(queueName);
    if (!queue) {
      queue = new Queue(queueName, { connection: this.connection, prefix: this.config.redis.prefix });
      queue.on('error', () => undefined);
      this.#queues.set(queueName, queue);
    }
    await queue.add('reply', replyEnvelopeSchema.parse(envelope), {
      jobId: replyJobId(envelope.jobId),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { count: this.config.queue.keepCompleted, age: this.config.queue.keepCompletedAgeSec },
      removeOnFail: { count: this.config.queue.keepFailed, age: this.config.queue.keepFailedAgeSec },
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#queues.values()].map((queue) => queue.close()));
    this.#queues.clear();
  }
}

/** Which delivery attempt this is: on the last one, the handler should take any way that gets the answer out. */
export interface DeliveryAttempt {
  readonly last: boolean;
  /** When the worker published the reply (ms since the epoch): the delivery stage starts there. */
  readonly publishedAt?: number;
}

export type ReplyHandler = (reply: ReplyEnvelope, attempt: DeliveryAttempt) => Promise<void>;

/**
 * Consumes a replies queue. The handler must be idempotent (a crash after posting but before the
 * job completes re-delivers the reply): record what was posted, keyed by `reply.jobId`.
 */
export function createReplyConsumer(options: {
  config: Config;
  connection: Redis;
  queueName: string;
  handler: ReplyHandler;
  logger: Logger;
  concurrency?: number;
}): Worker {
  const { config, connection, queueName, handler, logger } = options;
  const worker = new Worker(
    queueName,
    async (job: Job) => {
      const parsed = replyEnvelopeSchema.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ jobId: job.id }, 'dropping a malformed reply');
        return;
      }
      await handler(parsed.data, { last: job.attemptsMade + 1 >= (job.opts.attempts ?? 1), publishedAt: job.timestamp });
    },
    { connection, prefix: config.redis.prefix, concurrency: options.concurrency ?? 8 },
  );
  worker.on('error', (error) => logger.error({ err: error }, 'reply consumer error'));
  worker.on('failed', (job, error) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
      logger.error({ jobId: job.id, lane: job.data?.lane, err: error }, 'a reply could not be delivered and was given up');
    else logger.warn({ jobId: job?.id, err: error }, 'delivering a reply failed; it will be retried');
  });
  return worker;
}
