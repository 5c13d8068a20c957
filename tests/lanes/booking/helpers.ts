/** Test wiring for the booking lane: a Redis on its own prefix, resources, and a clock the test moves. */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { defaultBookingConfig } from '../../../src/lanes/booking/config.ts';
import type { Booking, Resource } from '../../../src/lanes/booking/model.ts';
import { newId } from '../../../src/lanes/booking/model.ts';
import {
  type BookingServices,
  type Clock,
  createBookingServices,
  type Notice,
  type Notifier,
  type PanelRefresher,
} from '../../../src/lanes/booking/services.ts';
import { quietLogger, REDIS_URL } from '../../helpers/env.ts';

export const GUILD = '100000000000000001';

/** A Redis connection and a unique key prefix; `close()` deletes the prefix's keys. */
export function testRedis(): { redis: Redis; prefix: string; close: () => Promise<void> } {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `test-bk-${randomUUID().slice(0, 8)}`;
  return {
    redis,
    prefix,
    async close() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

const every = (open: string, close: string) => Array.from({ length: 7 }, () => [{ open, close }]);

/** A restaurant: 4 seats a slot, 60-minute slots with 30 minutes between them, 17:00-22:00 every day. */
export function restaurant(overrides: Partial<Resource> = {}): Resource {
  return {
    id: newId('r'),
    guildId: GUILD,
    name: 'Table',
    capacity: 4,
    slotMinutes: 60,
    bufferMinutes: 30,
    hours: every('17:00', '22:00'),
    horizonDays: 30,
    cutoffMinutes: 0,
    maxPerMember: 2,
    exceptions: [],
    createdAt: 0,
    ...overrides,
  };
}

/** A confirmed booking of `resource` at `start` (ms), party of `party`. */
export function bookingOf(resource: Resource, userId: string, start: number, party = 1): Booking {
  return {
    id: newId('b'),
    guildId: resource.guildId,
    resourceId: resource.id,
    userId,
    start,
    end: start + resource.slotMinutes * 60_000,
    party,
    name: `member ${userId}`,
    note: '',
    status: 'confirmed',
    locale: 'en',
    channelId: '200000000000000001',
    createdAt: 0,
  };
}

/** A clock that only moves when the test says so. */
export function fixedClock(iso: string): { now: () => number; set: (iso: string) => void } {
  let now = Date.parse(iso);
  return { now: () => now, set: (next) => (now = Date.parse(next)) };
}

/** A notifier that keeps what it was asked to deliver (the Discord one is exercised by the handler tests). */
export class RecordingNotifier implements Notifier {
  readonly notices: Notice[] = [];
  async notify(notice: Notice): Promise<void> {
    this.notices.push(notice);
  }
}

/** Booking services on a real Redis and a real BullMQ queue (own name and prefix); `close()` cleans both. */
export function testServices(
  options: {
    clock?: Clock;
    config?: Parameters<typeof defaultBookingConfig>[0];
    notifier?: Notifier;
    panels?: (services: () => BookingServices) => PanelRefresher;
  } = {},
) {
  const env = testRedis();
  const queueName = `bk-reminders-${randomUUID().slice(0, 8)}`;
  const queue = new Queue(queueName, { connection: env.redis.duplicate(), prefix: env.prefix });
  const notifier = new RecordingNotifier();
  const config = defaultBookingConfig(options.config);
  const services: BookingServices = createBookingServices({
    redis: env.redis,
    prefix: env.prefix,
    config,
    queue,
    notifier: options.notifier ?? notifier,
    logger: quietLogger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.panels ? { panels: options.panels(() => services) } : {}),
  });
  return {
    ...env,
    services,
    notifier,
    queue,
    queueName,
    async close() {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await env.close();
    },
  };
}
