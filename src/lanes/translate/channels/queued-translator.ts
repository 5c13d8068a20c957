/**
 * Translation for the relay without a model in the bot process: each translation is a translation-lane job on the
 * workers, whose reply comes back on this lane's own replies queue (`replies-translate-relay`, not the bot's
 * `replies`, so the bot's delivery never posts it) and resolves the waiting relay. A reply nobody waits for (the bot
 * restarted) is dropped with a log line; a job that never answers rejects after the lane's time budget.
 */
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../../config/index.ts';
import type { Logger } from '../../../core/logger.ts';
import type { ReplyEnvelope } from '../../../queue/envelope.ts';
import { laneJobId } from '../../../queue/job-id.ts';
import type { LaneProducer } from '../../../queue/producer.ts';
import { createReplyConsumer } from '../../../queue/replies.ts';
import { translateRef } from '../ref.ts';
import { translateResultSchema } from '../schema.ts';
import type { RelayTranslation } from './relay.ts';

/** The replies queue of relay translations. */
export const RELAY_REPLIES_QUEUE = 'replies-translate-relay';

interface Waiting {
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export interface QueuedTranslatorOptions {
  readonly config: Config;
  readonly producer: Pick<LaneProducer, 'enqueue'>;
  /** A worker-role connection (BullMQ's blocking reads) for the replies consumer. */
  readonly connection: Redis;
  readonly logger: Logger;
}

export class QueuedTranslator {
  readonly #waiting = new Map<string, Waiting>();
  readonly #consumer: Worker;
  readonly #timeoutMs: number;
  #sequence = 0;

  constructor(private readonly options: QueuedTranslatorOptions) {
    const lane = options.config.lanes.translate;
    // Every attempt may take the whole timeout; the queue wait comes on top.
    this.#timeoutMs = (lane.timeoutSec * lane.attempts + 60) * 1000;
    this.#consumer = createReplyConsumer({
      config: options.config,
      connection: options.connection,
      queueName: RELAY_REPLIES_QUEUE,
      handler: (reply) => Promise.resolve(this.#settle(reply)),
      logger: options.logger,
    });
  }

  /** The translation of `request.text`, from a worker. Rejects on a refusal, a failure or the time budget. */
  async translate(request: RelayTranslation): Promise<string> {
    // Unique per call: an edit translates the same original again and must not meet the earlier job's id.
    const sourceId = `relay-${request.messageId ?? 'message'}-${request.to}-${Date.now().toString(36)}${(this.#sequence++).toString(36)}`;
    const jobId = laneJobId(translateRef.name, sourceId);
    const answer = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(jobId);
        reject(new Error(`translation ${jobId} did not answer in time`));
      }, this.#timeoutMs);
      this.#waiting.set(jobId, { resolve, reject, timer });
    });
    try {
      await this.options.producer.enqueue(translateRef, {
        sourceId,
        input: { text: request.text, from: request.from, to: request.to },
        context: { origin: 'discord', userId: request.userId || 'relay', guildId: request.guildId },
        reply: { queue: RELAY_REPLIES_QUEUE, target: {} },
      });
    } catch (error) {
      this.#forget(jobId);
      throw error;
    }
    return answer;
  }

  #settle(reply: ReplyEnvelope): void {
    const waiting = this.#forget(reply.jobId);
    if (!waiting) {
      this.options.logger.info({ jobId: reply.jobId }, 'a relay translation arrived with nobody waiting; dropped');
      return;
    }
    if (!reply.outcome.ok) {
      waiting.reject(new Error(`translation refused: ${reply.outcome.error.code}`));
      return;
    }
    const result = translateResultSchema.safeParse(reply.outcome.result);
    if (result.success) waiting.resolve(result.data.text);
    else waiting.reject(new Error('a malformed translation result'));
  }

  #forget(jobId: string): Waiting | undefined {
    const waiting = this.#waiting.get(jobId);
    if (waiting) clearTimeout(waiting.timer);
    this.#waiting.delete(jobId);
    return waiting;
  }

  /** Stops consuming; translations still waiting are rejected. */
  async close(): Promise<void> {
    for (const [jobId, waiting] of this.#waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(`closed while ${jobId} was waiting`));
    }
    this.#waiting.clear();
    await this.#consumer.close();
  }
}
