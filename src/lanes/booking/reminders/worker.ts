/**
 * The BullMQ worker of the reminder queue: runs the processor and delivers its notices through the notifier. Each
 * notice is marked as sent before it goes out (and unmarked if delivery fails, so the retry sends it), so a job
 * that BullMQ delivers twice does not remind twice.
 */
import { type ConnectionOptions, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BookingServices } from '../services.ts';
import { createReminderProcessor } from './processor.ts';

const SENT_MARK_TTL_SEC = 7 * 86_400;

/** What a reminder job did, kept as the job's return value (for logs and tests). */
export interface ReminderResult {
  readonly delivered: readonly { kind: string; bookingId: string; userId: string }[];
}

/** What the reminder worker needs: its queue, Redis for the sent marks, and the booking services. */
export interface ReminderWorkerDeps {
  readonly queueName: string;
  /** BullMQ key prefix (the same as the queue's). */
  readonly queuePrefix: string;
  readonly connection: ConnectionOptions;
  /** Where the sent marks live, and their key prefix. */
  readonly redis: Redis;
  readonly keyPrefix: string;
  readonly services: BookingServices;
  readonly concurrency?: number;
}

/** The worker of the reminder queue (`reminder` and `offer-expiry` jobs). Close it before the queue and Redis. */
export function createReminderWorker(deps: ReminderWorkerDeps): Worker {
  const process = createReminderProcessor(deps.services);
  return new Worker(
    deps.queueName,
    async (job): Promise<ReminderResult> => {
      const notices = await process(job.data);
      const delivered: { kind: string; bookingId: string; userId: string }[] = [];
      for (const [index, notice] of notices.entries()) {
        const mark = `${deps.keyPrefix}:bk:sent:${job.id ?? job.name}:${index}`;
        if ((await deps.redis.set(mark, '1', 'EX', SENT_MARK_TTL_SEC, 'NX')) === null) continue;
        try {
          await deps.services.notifier.notify(notice);
        } catch (error) {
          await deps.redis.del(mark);
          throw error;
        }
        delivered.push({ kind: notice.kind, bookingId: notice.booking.id, userId: notice.booking.userId });
      }
      return { delivered };
    },
    { connection: deps.connection, prefix: deps.queuePrefix, concurrency: deps.concurrency ?? 4 },
  );
}
