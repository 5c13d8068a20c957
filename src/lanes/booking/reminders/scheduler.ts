/**
 * Reminders and offer deadlines as BullMQ delayed jobs. Job ids are made from the booking id, the offset and the
 * slot start, so scheduling twice (a redelivered interaction, a retry) adds nothing, and a move gets new ids while
 * the old ones are removed.
 */
import type { Queue } from 'bullmq';
import { z } from 'zod';
import type { Booking } from '../model.ts';
import type { Clock } from '../services.ts';

const MINUTE_MS = 60_000;
/** Finished jobs are kept this long so their ids keep deduplicating (BullMQ forgets removed ids). */
const KEEP_FINISHED_SEC = 7 * 86_400;
const PRUNE_EVERY_MS = 86_400_000;

/** Payloads of the reminder queue: a reminder before a slot, or the deadline of a waitlist offer. */
export const reminderJobSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('reminder'),
    guildId: z.string(),
    resourceId: z.string(),
    bookingId: z.string(),
    start: z.number().int(),
    offsetMin: z.number().int(),
  }),
  z.strictObject({ kind: z.literal('offer-expiry'), guildId: z.string(), resourceId: z.string(), bookingId: z.string() }),
  /** The daily deletion of bookings older than `booking.retentionDays`. */
  z.strictObject({ kind: z.literal('prune') }),
]);
/** One reminder-queue job payload. */
export type ReminderJob = z.infer<typeof reminderJobSchema>;

/** `rem-<booking>-<offset>m-<start>`: BullMQ ids may not contain ':' nor be digits only. */
export function reminderJobId(bookingId: string, offsetMin: number, start: number): string {
  return `rem-${bookingId}-${offsetMin}m-${start}`;
}

/** `offer-<booking>`: one deadline job per offer. */
export function offerJobId(bookingId: string): string {
  return `offer-${bookingId}`;
}

/** Adds and removes a booking's delayed jobs. */
export class ReminderScheduler {
  constructor(
    readonly queue: Queue,
    private readonly offsetsMin: readonly number[],
    private readonly clock: Clock,
  ) {}

  /** Schedules the reminders of a confirmed booking that are still in the future. */
  async schedule(booking: Booking): Promise<void> {
    const now = this.clock.now();
    for (const offsetMin of this.offsetsMin) {
      const delay = booking.start - offsetMin * MINUTE_MS - now;
      if (delay <= 0) continue;
      const data: ReminderJob = {
        kind: 'reminder',
        guildId: booking.guildId,
        resourceId: booking.resourceId,
        bookingId: booking.id,
        start: booking.start,
        offsetMin,
      };
      await this.queue.add('reminder', data, {
        jobId: reminderJobId(booking.id, offsetMin, booking.start),
        delay,
        attempts: 3,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: { age: KEEP_FINISHED_SEC },
        removeOnFail: { age: KEEP_FINISHED_SEC },
      });
    }
  }

  /** Removes a booking's pending reminders for the slot it had (`start`, before a move). */
  async unschedule(booking: Booking, start = booking.start): Promise<void> {
    for (const offsetMin of this.offsetsMin) await this.removeQuietly(reminderJobId(booking.id, offsetMin, start));
  }

  /** The deadline of seats offered to a waitlisted member. */
  async scheduleOfferExpiry(booking: Booking): Promise<void> {
    const data: ReminderJob = { kind: 'offer-expiry', guildId: booking.guildId, resourceId: booking.resourceId, bookingId: booking.id };
    await this.queue.add('offer-expiry', data, {
      jobId: offerJobId(booking.id),
      delay: Math.max(0, (booking.offerExpiresAt ?? 0) - this.clock.now()),
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: KEEP_FINISHED_SEC },
      removeOnFail: { age: KEEP_FINISHED_SEC },
    });
  }

  /** Runs the retention job once a day (idempotent: one scheduler per queue, however often this is called). */
  async schedulePrune(): Promise<void> {
    const data: ReminderJob = { kind: 'prune' };
    await this.queue.upsertJobScheduler(
      'booking-prune',
      { every: PRUNE_EVERY_MS },
      { name: 'prune', data, opts: { removeOnComplete: 10, removeOnFail: 10 } },
    );
  }

  async cancelOfferExpiry(booking: Booking): Promise<void> {
    await this.removeQuietly(offerJobId(booking.id));
  }

  /** A job that is running right now cannot be removed; it re-reads the booking and skips, so that is fine. */
  private async removeQuietly(jobId: string): Promise<void> {
    try {
      await this.queue.remove(jobId);
    } catch {
      // Locked by a worker: see above.
    }
  }
}
