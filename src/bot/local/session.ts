/**
 * A local chat session: the same path as Discord (route → enqueue → worker → replies queue), with
 * this process as the front end. Each session owns a private replies queue so several sessions on one
 * Redis never take each other's answers.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { describeError, UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createRedis, redisHelp } from '../../core/redis.ts';
import { LANE_NAMES, type LaneName } from '../../lanes/registry.ts';
import type { JobContext, ReplyEnvelope } from '../../queue/envelope.ts';
import { LaneProducer } from '../../queue/producer.ts';
import { createReplyConsumer } from '../../queue/replies.ts';
import { formatHelp, formatReply } from '../reply/format.ts';
import { route } from '../router.ts';

interface Pending {
  resolve: (reply: ReplyEnvelope) => void;
}

export class LocalSession {
  readonly id = randomUUID().slice(0, 12);
  readonly #pending = new Map<string, Pending>();
  readonly #producerConnection: Redis;
  readonly #consumerConnection: Redis;
  readonly #producer: LaneProducer;
  readonly #consumer: Worker;
  readonly #queueName: string;
  readonly #context: JobContext = { origin: 'local', userId: process.env.USER ?? 'local' };
  #counter = 0;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    this.#queueName = `replies-local-${this.id}`;
    this.#producerConnection = createRedis(config.redis, 'producer');
    this.#consumerConnection = createRedis(config.redis, 'worker');
    this.#producer = new LaneProducer(config, this.#producerConnection);
    this.#consumer = createReplyConsumer({
      config,
      connection: this.#consumerConnection,
      queueName: this.#queueName,
      logger,
      handler: async (reply) => this.#onReply(reply),
    });
  }

  async ready(): Promise<void> {
    await this.#consumer.waitUntilReady();
  }

  /** Answers one line of input with the text to print. Never throws: errors become messages. */
  async answer(line: string): Promise<string> {
    try {
      const request = route(line, this.config.limits.maxTextChars);
      if (request.kind === 'help') return formatHelp(this.enabledLanes());
      const sourceId = `local-${this.id}-${++this.#counter}`;
      const input = request.kind === 'audio' ? await this.#audioInput(request.path, request.language) : request.input;
      const reply = { queue: this.#queueName, target: { line: this.#counter } };
      const { jobId } = await this.#enqueue(request.lane, { sourceId, input, context: this.#context, reply });
      const result = await this.#wait(jobId, request.lane);
      return formatReply(result);
    } catch (error) {
      const described = describeError(error);
      if (described.reference) this.logger.error({ err: error, reference: described.reference }, 'local chat request failed');
      return `⚠️ ${described.userMessage}`;
    }
  }

  enabledLanes(): LaneName[] {
    return LANE_NAMES.filter((lane) => this.config.lanes[lane].enabled);
  }

  async #enqueue(lane: LaneName, request: Parameters<LaneProducer['enqueue']>[1]) {
    try {
      return await this.#producer.enqueue(lane, request as never);
    } catch (error) {
      if (error instanceof UserError) throw error;
      // Producers fail fast: a Redis outage surfaces here, right away, with what to do about it.
      throw new UserError('unavailable', redisHelp(this.config.redis.url));
    }
  }

  async #audioInput(file: string, language: string | undefined) {
    const resolved = path.resolve(file);
    const info = await stat(resolved).catch(() => null);
    if (!info?.isFile()) throw new UserError('bad_request', `There is no file at ${file}.`);
    const max = this.config.limits.audio.maxBytes;
    if (info.size > max)
      throw new UserError(
        'audio_too_large',
        `${file} is ${(info.size / 1048576).toFixed(1)} MiB; the limit is ${(max / 1048576).toFixed(1)} MiB.`,
      );
    const bytes = await readFile(resolved);
    return {
      audio: { kind: 'inline' as const, base64: bytes.toString('base64'), name: path.basename(file) },
      ...(language ? { language } : {}),
    };
  }

  /** Waits for the final reply of a job (following chained steps), or gives up with a clear message. */
  #wait(jobId: string, lane: LaneName): Promise<ReplyEnvelope> {
    const spec = this.config.lanes[lane];
    const limitMs = (spec.timeoutSec * spec.attempts + 120) * 1000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(jobId);
        reject(
          new UserError('unavailable', `No worker answered within ${Math.round(limitMs / 1000)} s. Is a worker running (npm run worker)?`),
        );
      }, limitMs);
      this.#pending.set(jobId, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
      });
    });
  }

  async #onReply(reply: ReplyEnvelope): Promise<void> {
    const pending = this.#pending.get(reply.jobId);
    if (!pending) return;
    this.#pending.delete(reply.jobId);
    pending.resolve(reply);
  }

  /** Closes the consumer, removes this session's replies queue, then closes Redis. */
  async close(): Promise<void> {
    await this.#consumer.close();
    await this.#producer.close();
    const cleanup = createRedis(this.config.redis, 'producer');
    try {
      const { Queue } = await import('bullmq');
      const queue = new Queue(this.#queueName, { connection: cleanup, prefix: this.config.redis.prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    } finally {
      await cleanup.quit().catch(() => cleanup.disconnect());
      for (const redis of [this.#producerConnection, this.#consumerConnection]) await redis.quit().catch(() => redis.disconnect());
    }
  }
}
