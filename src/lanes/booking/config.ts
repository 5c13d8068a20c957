/**
 * The booking lane's configuration block (`booking:` in the YAML config). The lead derives the project's config
 * schema from it; every key has a default here so a config file without the block works.
 */
import { z } from 'zod';
import { timeZoneSchema } from './model.ts';

export const bookingConfigSchema = z.strictObject({
  /** Time zone of a server that has not set one with `/booking timezone`. @defaultValue `UTC` */
  defaultTimeZone: timeZoneSchema.default('UTC'),
  /** Reminders before a booked slot, in minutes. @defaultValue `[1440, 60]` (a day and an hour before) */
  reminderOffsetsMin: z.array(z.number().int().min(1).max(20_160)).max(5).default([1440, 60]),
  /** Minutes a waitlisted member has to confirm freed seats before the next one is asked. @defaultValue `15` */
  offerMinutes: z.number().int().min(1).max(1440).default(15),
  /** How long a half-finished booking conversation is remembered. @defaultValue `900` */
  conversationTtlSec: z.number().int().min(60).max(86_400).default(900),
  /** How long a confirmation card can still be confirmed. @defaultValue `900` */
  draftTtlSec: z.number().int().min(60).max(86_400).default(900),
  /** How long a Confirm press is remembered, so a redelivered interaction never books twice. @defaultValue `86400` */
  idempotencyTtlSec: z.number().int().min(60).max(604_800).default(86_400),
  /** Days offered in a panel's day menu (Discord allows at most 25 options). @defaultValue `14` */
  panelDays: z.number().int().min(1).max(25).default(14),
  /**
   * Days a booking (with the member's id, name and note) is kept after its slot, for `/booking list` and exports;
   * then it is deleted by a daily job. @defaultValue `90`
   */
  retentionDays: z.number().int().min(1).max(3650).default(90),
  /** Free slots suggested when the wanted one is full. @defaultValue `3` */
  suggestions: z.number().int().min(1).max(5).default(3),
});

export type BookingConfig = z.infer<typeof bookingConfigSchema>;

/** The defaults, for tests and for a config without a `booking:` block. */
export function defaultBookingConfig(overrides: Partial<z.input<typeof bookingConfigSchema>> = {}): BookingConfig {
  return bookingConfigSchema.parse(overrides);
}
