/**
 * One worker process's lanes: a BullMQ worker per lane, a subscriber that turns cancellation requests into aborts
 * of running jobs, and an orderly close (workers, then queues, then Redis).
 */
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Config } from '../config/index.ts';
import type { Logger } from '../core/logger.ts';
import { createRedis } from '../core/redis.ts';
import type { AnyLane, AnySchema } from '../lanes/lane.ts';
import { ABORT_CANCELLED, ABORT_SHUTDOWN, type LaneProcessor } from '../lanes/process-context.ts';
import { createLaneWorker, type FinishedJob, type LockTimings } from './lane-worker.ts';
import { cancelChannel, LaneProducer } from './producer.ts';
import { ReplyPublisher } from './replies.ts';

const cancelMessageSchema = z.object({ lane: z.string(), jobId: z.string() });

/** A lane with the processor that serves it in this process. */
export interface ServedLane {
  readonly lane: AnyLane;
  /** Typed by its lane (a lane's processor takes that lane's input). */
  readonly processor: LaneProcessor<z.output<AnySchema>, unknown>;
}

export interface WorkerHostOptions {
  readonly config: Config;
  readonly lanes: readonly ServedLane[];
  readonly logger: Logger;
  readonly onFinished?: (event: FinishedJob) => void;
  /** Lock timings of the lane workers (tests shorten them; production keeps the defaults). */
  readonly lock?: LockTimings;
}

export class WorkerHost {
  readonly #workers = new Map<string, Worker>();
  readonly #connection: Redis;
  readonly #subscriber: Redis;
  readonly #producerConnection: Redis;
  readonly #replies: ReplyPublisher;
  readonly #producer: LaneProducer;
  readonly #options: WorkerHostOptions;

  constructor(options: WorkerHostOptions) {
    this.#options = options;
    const { config } = options;
    this.#connection = createRedis(config.redis, 'worker');
    this.#subscriber = createRedis(config.redis, 'worker');
    // Replies and next steps are written from inside jobs: they must survive a short Redis blip.
    this.#producerConnection = createRedis(config.redis, 'worker');
    this.#replies = new ReplyPublisher(config, this.#producerConnection);
    this.#producer = new LaneProducer(config, this.#producerConnection);
    for (const { lane, processor } of options.lanes) {
      const deps = {
        config,
        connection: this.#connection,
        replies: this.#replies,
        producer: this.#producer,
        logger: options.logger,
        ...(options.onFinished ? { onFinished: options.onFinished } : {}),
        ...(options.lock ? { lock: options.lock } : {}),
      };
      this.#workers.set(lane.name, createLaneWorker(lane, processor, deps));
    }
  }

  /** Starts taking jobs (call after preloading models). */
  async start(): Promise<void> {
    const channel = cancelChannel(this.#options.config.redis.prefix);
    this.#subscriber.on('message', (_channel: string, message: string) => this.#onCancel(message));
    await this.#subscriber.subscribe(channel);
    for (const worker of this.#workers.values()) {
      void worker.run().catch((error: unknown) => this.#options.logger.error({ err: error }, 'worker stopped'));
    }
    await Promise.all([...this.#workers.values()].map((worker) => worker.waitUntilReady()));
  }

  /** The BullMQ workers by lane (watchdog, metrics). */
  workers(): ReadonlyMap<string, Worker> {
    return this.#workers;
  }

  #onCancel(message: string): void {
    let parsed: z.infer<typeof cancelMessageSchema>;
    try {
      parsed = cancelMessageSchema.parse(JSON.parse(message));
    } catch {
      return;
    }
    const worker = this.#workers.get(parsed.lane);
    if (worker?.cancelJob(parsed.jobId, ABORT_CANCELLED)) this.#options.logger.info({ jobId: parsed.jobId }, 'job cancelled');
  }

  /**
   * Stops taking jobs and lets running ones finish for up to `graceMs`; past that, running jobs are aborted and
   * handed back to the queue for another worker. Then queues, then Redis.
   */
  async close(graceMs = 30_000): Promise<void> {
    const workers = [...this.#workers.values()];
    const graceful = Promise.allSettled(workers.map((worker) => worker.close()));
    const timedOut = await Promise.race([graceful.then(() => false), delay(graceMs).then(() => true)]);
    if (timedOut) {
      for (const worker of workers) worker.cancelAllJobs(ABORT_SHUTDOWN);
      await graceful;
    }
    await this.#subscriber.quit().catch(() => this.#subscriber.disconnect());
    await this.#replies.close();
    await this.#producer.close();
    for (const redis of [this.#connection, this.#producerConnection]) await redis.quit().catch(() => redis.disconnect());
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
