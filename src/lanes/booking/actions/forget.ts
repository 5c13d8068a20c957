/**
 * `/forget-me` for bookings: the member's upcoming bookings are cancelled (their seats go to the waitlist as with
 * any cancellation), and every record naming them — past bookings, waitlist places, conversations — is deleted.
 */
import type { BookingServices } from '../services.ts';
import { bookingSchema, waitlistEntrySchema } from '../model.ts';
import { newOffer } from './load.ts';
import { offerPromoted } from './offers.ts';

/** Scans keys matching a pattern (SCAN, never KEYS). */
async function* keysMatching(services: BookingServices, pattern: string): AsyncGenerator<string> {
  const redis = services.bookings.connection;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    yield* keys;
  } while (cursor !== '0');
}

/** Deletes what the booking lane stores about `userId` in every server; returns how many bookings it touched. */
export async function forgetMember(services: BookingServices, userId: string): Promise<number> {
  const redis = services.bookings.connection;
  const now = services.clock.now();
  let touched = 0;
  for (const [resourceId, guildId] of await services.resources.allResources()) {
    const resource = await services.resources.get(guildId, resourceId);
    if (!resource) continue;
    for (const booking of await services.bookings.upcoming(resource, userId, now)) {
      const released = await services.bookings.release(resource, booking.id, 'cancel', userId, now, newOffer(services));
      if (!released.ok) continue;
      await services.reminders.unschedule(released.booking);
      await services.reminders.cancelOfferExpiry(released.booking);
      await offerPromoted(services, resource, released.promoted, 'now');
    }
    const k = services.bookings.keys(resource);
    for (const [id, json] of Object.entries(await redis.hgetall(k.bookings))) {
      if (bookingSchema.parse(JSON.parse(json)).userId !== userId) continue;
      await redis.multi().hdel(k.bookings, id).zrem(k.byStart, id).zrem(k.ended, id).exec();
      touched++;
    }
    await redis.hdel(k.members, userId);
    for await (const key of keysMatching(services, k.waitlists)) {
      for (const raw of await redis.lrange(key, 0, -1))
        if (waitlistEntrySchema.parse(JSON.parse(raw)).userId === userId) await redis.lrem(key, 0, raw);
    }
    await services.panels.refresh(guildId, resourceId);
  }
  for await (const key of keysMatching(services, services.conversations.keyPattern(userId))) await redis.del(key);
  return touched;
}
