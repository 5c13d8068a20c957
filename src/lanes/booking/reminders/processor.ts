/**
 * What a reminder job sends. The booking is read again first: it may have been cancelled or moved after the job
 * was scheduled (a cancel can race the job), and then nothing is sent.
 */
import { expireOffer } from '../actions/offers.ts';
import { pruneAll } from '../actions/retention.ts';
import type { BookingServices, Notice } from '../services.ts';
import { reminderJobSchema } from './scheduler.ts';

/** Reads a job's payload and returns the notices to deliver (none when the booking changed meanwhile). */
export function createReminderProcessor(services: BookingServices): (data: unknown) => Promise<Notice[]> {
  return async (data) => {
    const job = reminderJobSchema.parse(data);
    if (job.kind === 'offer-expiry') return expireOffer(services, job);
    if (job.kind === 'prune') {
      await pruneAll(services);
      return [];
    }
    const resource = await services.resources.get(job.guildId, job.resourceId);
    const booking = resource ? await services.bookings.get(resource, job.bookingId) : undefined;
    if (!resource || !booking || booking.status !== 'confirmed' || booking.start !== job.start) return [];
    return [{ kind: 'reminder', booking, resource }];
  };
}
