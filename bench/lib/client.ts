/**
 * The front end's side of a benchmark: enqueue through `LaneProducer`, collect replies from a replies queue, and
 * (for streaming lanes) the time of the first progress delta, as the Discord adapter would see them.
 */
import { randomUUID } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../src/config/index.ts';
import { createLogger } from '../../src/core/logger.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { z } from 'zod';
import { laneNamed, type LANES, type LaneName } from '../../src/lanes/index.ts';
import type { LaneProgress } from '../../src/lanes/process-context.ts';
import type { ReplyEnvelope } from '../../src/queue/envelope.ts';
import { LaneProducer } from '../../src/queue/producer.ts';
import { createReplyConsumer } from '../../src/queue/replies.ts';

/** What a lane's job takes, before defaults (what the front end sends). */
export type LaneInput<L extends LaneName> = z.input<Extract<(typeof LANES)[number], { name: L }>['input']>;

export interface Answered {
  readonly reply: ReplyEnvelope;
  /** Enqueue to reply consumed. */
  readonly ms: number;
  /** Enqueue to the first streamed text (lanes that stream), else undefined. */
  readonly firstDeltaMs: number | undefined;
}

export class BenchClient {
  readonly #connections: Redis[];
  readonly #producer: LaneProducer;
  readonly #consumer: ReturnType<typeof createReplyConsumer>;
  readonly #events: QueueEvents[];
  readonly #finished = new Map<string, (reply: ReplyEnvelope) => void>();
  readonly #firstDelta = new Map<string, number>();
  #next = 0;
  /** Job ids are deterministic per source: a second client must not reuse the first one's (kept jobs dedup). */
  readonly #session = randomUUID().slice(0, 8);

  private constructor(config: Config, streaming: readonly LaneName[]) {
    this.#connections = [createRedis(config.redis, 'producer'), createRedis(config.redis, 'worker')];
    this.#producer = new LaneProducer(config, this.#connections[0] as Redis);
    this.#consumer = createReplyConsumer({
      config,
      connection: this.#connections[1] as Redis,
      queueName: 'replies-bench',
      logger: createLogger({ level: 'silent' }),
      concurrency: 64,
      handler: async (reply) => this.#finished.get(reply.jobId)?.(reply),
    });
    this.#events = streaming.map((lane) => {
      const connection = createRedis(config.redis, 'worker');
      this.#connections.push(connection);
      const events = new QueueEvents(lane, { connection, prefix: config.redis.prefix });
      events.on('progress', ({ jobId, data }) => {
        if ((data as LaneProgress).delta && !this.#firstDelta.has(jobId)) this.#firstDelta.set(jobId, performance.now());
      });
      return events;
    });
  }

  /** Opens the client; `streaming` lanes also report the time of their first streamed text. */
  static async open(config: Config, streaming: readonly LaneName[] = []): Promise<BenchClient> {
    const client = new BenchClient(config, streaming);
    await Promise.all([client.#consumer.waitUntilReady(), ...client.#events.map((events) => events.waitUntilReady())]);
    return client;
  }

  /** Enqueues one job and resolves with its reply (rejects if the lane replied with an error). */
  async request<L extends LaneName>(lane: L, input: LaneInput<L>): Promise<Answered> {
    const sourceId = `bench-${this.#session}-${this.#next++}`;
    const jobId = `${lane}-${sourceId}`;
    const done = new Promise<ReplyEnvelope>((resolve) => this.#finished.set(jobId, resolve));
    const started = performance.now();
    const ref = laneNamed(lane);
    if (!ref) throw new Error(`no lane ${lane}`);
    await this.#producer.enqueue(ref, {
      sourceId,
      input,
      context: { origin: 'local', userId: 'bench' },
      reply: { queue: 'replies-bench', target: {} },
    });
    const reply = await done;
    const ms = performance.now() - started;
    this.#finished.delete(jobId);
    const first = this.#firstDelta.get(jobId);
    this.#firstDelta.delete(jobId);
    if (!reply.outcome.ok) throw new Error(`${lane} failed: ${reply.outcome.error.message}`);
    return { reply, ms, firstDeltaMs: first === undefined ? undefined : first - started };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#consumer.close(), this.#producer.close(), ...this.#events.map((events) => events.close())]);
    for (const redis of this.#connections) redis.disconnect();
  }
}
