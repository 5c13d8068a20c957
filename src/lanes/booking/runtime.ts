/**
 * The booking services of one process, built from the project config: the bot (Discord commands, buttons and
 * messages), the worker (the local chat's job and the reminder worker). Notices and panel redraws go through
 * Discord's REST API, so no process needs a gateway connection for them; terminal bookings (server `local`) are
 * only logged, since the terminal that made them may be gone when a reminder falls due.
 */
import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import { createRedis } from '../../core/redis.ts';
import { bookingRest, createRestNotifier, createRestPanelRefresher } from './discord/rest.ts';
import { LOCAL_GUILD } from './local.ts';
import { createReminderWorker } from './reminders/worker.ts';
import { type BookingServices, createBookingServices, type Notifier } from './services.ts';

/** The BullMQ queue of reminders, offer deadlines and the daily retention job (under the project's prefix). */
export const REMINDER_QUEUE = 'booking-reminders';

export interface BookingRuntime {
  readonly services: BookingServices;
  /** Closes the reminder queue (not `redis`, which the caller owns). */
  close(): Promise<void>;
}

/** Services on `redis` (the caller's connection; a producer connection is fine, nothing blocks on it). */
export function createBookingRuntime(deps: { readonly config: Config; readonly redis: Redis; readonly logger: Logger }): BookingRuntime {
  const { config, redis, logger } = deps;
  const queue = new Queue(REMINDER_QUEUE, { connection: redis, prefix: config.redis.prefix });
  queue.on('error', (error) => logger.warn({ err: error }, 'booking reminder queue error'));
  const rest = bookingRest(config.discord);
  const discord = createRestNotifier(rest, logger);
  const notifier: Notifier = {
    async notify(notice) {
      if (notice.booking.guildId !== LOCAL_GUILD) return discord.notify(notice);
      logger.info({ kind: notice.kind, bookingId: notice.booking.id }, 'terminal booking notice (not delivered anywhere)');
    },
  };
  const services: BookingServices = createBookingServices({
    redis,
    prefix: config.redis.prefix,
    config: config.booking,
    queue,
    notifier,
    panels: createRestPanelRefresher(rest, () => services),
    logger,
  });
  return { services, close: () => queue.close() };
}

/**
 * The worker process's side of the lane: the reminder worker (reminders, offer deadlines, the daily retention job)
 * and the retention job's schedule. Closes worker, queue and its own connection in that order.
 */
export async function startReminders(deps: {
  readonly config: Config;
  readonly redis: Redis;
  readonly logger: Logger;
}): Promise<{ close(): Promise<void> }> {
  const { config, logger } = deps;
  const runtime = createBookingRuntime(deps);
  const connection = createRedis(config.redis, 'worker');
  const worker: Worker = createReminderWorker({
    queueName: REMINDER_QUEUE,
    queuePrefix: config.redis.prefix,
    connection,
    redis: deps.redis,
    keyPrefix: config.redis.prefix,
    services: runtime.services,
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'booking reminder worker error'));
  worker.on('failed', (job, error) => logger.warn({ jobId: job?.id, err: error }, 'booking reminder job failed'));
  await worker.waitUntilReady();
  await runtime.services.reminders.schedulePrune();
  logger.info('booking reminders running');
  return {
    async close() {
      await worker.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the booking reminder worker'));
      await runtime.close().catch(() => undefined);
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
