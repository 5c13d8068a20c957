/**
 * The narrow set of services every booking surface (Discord handlers, the local chat, the reminder worker) works
 * with. Entry points build it once with {@link createBookingServices}; tests build it on a real Redis and queue.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../core/logger.ts';
import type { BookingConfig } from './config.ts';
import type { Booking, Resource } from './model.ts';
import { deterministicExtractor, type FieldExtractor } from './nl/extractor.ts';
import { ReminderScheduler } from './reminders/scheduler.ts';
import { BookingStore } from './store/bookings.ts';
import { ConversationStore } from './store/conversations.ts';
import { DraftStore } from './store/drafts.ts';
import { ResourceStore } from './store/resources.ts';

/** The time source; tests pass a fixed one to check midnight, month ends and DST. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Something a member must be told outside the interaction they are in (a DM, or the channel if DMs are closed). */
export type Notice =
  | { readonly kind: 'reminder'; readonly booking: Booking; readonly resource: Resource }
  | { readonly kind: 'offer'; readonly booking: Booking; readonly resource: Resource }
  | { readonly kind: 'offer_expired'; readonly booking: Booking; readonly resource: Resource }
  | { readonly kind: 'admin_cancelled'; readonly booking: Booking; readonly resource: Resource; readonly reason: string };

/** Delivers notices: the Discord one sends a DM and falls back to the booking's channel; the local chat prints. */
export interface Notifier {
  notify(notice: Notice): Promise<void>;
}

/** Redraws the booking panels of a resource after its slots changed (no-op where there are none). */
export interface PanelRefresher {
  refresh(guildId: string, resourceId: string): Promise<void>;
}

export interface BookingServices {
  readonly config: BookingConfig;
  readonly resources: ResourceStore;
  readonly bookings: BookingStore;
  readonly drafts: DraftStore;
  readonly conversations: ConversationStore;
  readonly reminders: ReminderScheduler;
  readonly notifier: Notifier;
  readonly panels: PanelRefresher;
  readonly extractor: FieldExtractor;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface BookingServiceDeps {
  readonly redis: Redis;
  /** Key prefix (the project's `redis.prefix`). */
  readonly prefix: string;
  readonly config: BookingConfig;
  /** The BullMQ queue reminders and offer deadlines are scheduled on. */
  readonly queue: Queue;
  readonly notifier: Notifier;
  readonly panels?: PanelRefresher;
  readonly extractor?: FieldExtractor;
  readonly clock?: Clock;
  readonly logger: Logger;
}

export function createBookingServices(deps: BookingServiceDeps): BookingServices {
  const clock = deps.clock ?? systemClock;
  const { redis, prefix, config } = deps;
  return {
    config,
    resources: new ResourceStore(redis, prefix, { timeZone: config.defaultTimeZone, dateOrder: 'month-first' }),
    bookings: new BookingStore(redis, prefix),
    drafts: new DraftStore(redis, prefix, config.draftTtlSec),
    conversations: new ConversationStore(redis, prefix, config.conversationTtlSec),
    reminders: new ReminderScheduler(deps.queue, config.reminderOffsetsMin, clock),
    notifier: deps.notifier,
    panels: deps.panels ?? { refresh: async () => undefined },
    extractor: deps.extractor ?? deterministicExtractor,
    clock,
    logger: deps.logger,
  };
}
