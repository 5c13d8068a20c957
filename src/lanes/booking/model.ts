/**
 * Everything the booking lane stores in Redis or receives, as zod schemas: parse on every read, so a stale or
 * hand-edited value is reported instead of half-used.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { localDateSchema, localTimeSchema } from './time/civil.ts';
import { isTimeZone } from './time/zone.ts';

/** An IANA zone name the platform knows (`Asia/Tokyo`, `Europe/Berlin`). */
export const timeZoneSchema = z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Tokyo or Europe/Berlin');

/** Generated ids: a letter then hex, so they are never digits only and never contain `:` (BullMQ job ids). */
const generatedId = (letter: string) => z.string().regex(new RegExp(`^${letter}[0-9a-f]{12}$`, 'u'));
export const resourceIdSchema = generatedId('r');
export const bookingIdSchema = generatedId('b');
export const draftIdSchema = generatedId('d');
export const panelIdSchema = generatedId('p');

/** A fresh id of one of the kinds above. */
export function newId(letter: 'r' | 'b' | 'd' | 'p'): string {
  return `${letter}${randomBytes(6).toString('hex')}`;
}

/** Opening hours: `close` at or before `open` means the range ends after midnight (a bar open 18:00-02:00). */
export const openRangeSchema = z.strictObject({ open: localTimeSchema, close: localTimeSchema });
export type OpenRange = z.infer<typeof openRangeSchema>;

/** Seven days of opening ranges, index 0 = Sunday (JavaScript's weekday numbers). An empty day is closed. */
export const weekHoursSchema = z.array(z.array(openRangeSchema).max(6)).length(7);
export type WeekHours = z.infer<typeof weekHoursSchema>;

/** A closed day, or a one-off extra slot on a date. */
export const exceptionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('closed'), date: localDateSchema }),
  z.strictObject({ kind: z.literal('extra'), date: localDateSchema, time: localTimeSchema }),
]);
export type BookingException = z.infer<typeof exceptionSchema>;

/** Something that can be booked: a set of tables, a room, a person's office hours. */
export const resourceSchema = z.strictObject({
  id: resourceIdSchema,
  guildId: z.string().min(1),
  name: z.string().trim().min(1).max(50),
  /** Seats (people) one slot holds; a booking for a party of 3 takes 3. */
  capacity: z.number().int().min(1).max(1000),
  slotMinutes: z.number().int().min(5).max(1440),
  /** Gap left after each slot before the next one starts (cleaning, changeover). */
  bufferMinutes: z.number().int().min(0).max(720),
  hours: weekHoursSchema,
  /** How many days ahead booking is open. */
  horizonDays: z.number().int().min(1).max(366),
  /** Booking closes this many minutes before a slot starts. */
  cutoffMinutes: z.number().int().min(0).max(10_080),
  /** Upcoming bookings one member may hold on this resource at once. */
  maxPerMember: z.number().int().min(1).max(50),
  exceptions: z.array(exceptionSchema).max(200),
  /** Overrides the server's zone for this resource. */
  timeZone: timeZoneSchema.optional(),
  createdAt: z.number().int(),
});
export type Resource = z.infer<typeof resourceSchema>;

/** Per-server settings of the booking lane. */
export const guildSettingsSchema = z.strictObject({
  timeZone: timeZoneSchema,
  /** How `12/1` reads: month first (Japan, the US) or day first (most of Europe). */
  dateOrder: z.enum(['month-first', 'day-first']),
});
export type GuildSettings = z.infer<typeof guildSettingsSchema>;

export const localeSchema = z.enum(['en', 'ja']);
export type Locale = z.infer<typeof localeSchema>;

/** `offered`: a waitlisted member was given freed seats and must confirm before `offerExpiresAt`. */
export const bookingStatusSchema = z.enum(['confirmed', 'offered', 'cancelled']);

export const bookingSchema = z.object({
  id: bookingIdSchema,
  guildId: z.string().min(1),
  resourceId: resourceIdSchema,
  userId: z.string().min(1),
  /** Slot start and end, epoch milliseconds. */
  start: z.number().int(),
  end: z.number().int(),
  party: z.number().int().min(1).max(1000),
  name: z.string().max(100),
  note: z.string().max(500),
  status: bookingStatusSchema,
  locale: localeSchema,
  /** Where the member booked from: reminders fall back to it when their DMs are closed. */
  channelId: z.string().optional(),
  createdAt: z.number().int(),
  offerExpiresAt: z.number().int().optional(),
  cancelledAt: z.number().int().optional(),
  cancelledBy: z.enum(['member', 'admin', 'expired', 'declined']).optional(),
});
export type Booking = z.infer<typeof bookingSchema>;

/** A member waiting for a full slot: the booking they would get, minus status. */
export const waitlistEntrySchema = bookingSchema.omit({ status: true, offerExpiresAt: true, cancelledAt: true, cancelledBy: true });
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

/** A booking panel message posted in a channel. */
export const panelSchema = z.strictObject({
  id: panelIdSchema,
  guildId: z.string().min(1),
  resourceId: resourceIdSchema,
  channelId: z.string().min(1),
  messageId: z.string().min(1),
  createdAt: z.number().int(),
});
export type Panel = z.infer<typeof panelSchema>;
