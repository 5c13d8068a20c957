/**
 * Whether a message is about bookings, for surfaces that see every message (DMs, a booking channel, the terminal),
 * strict enough to leave ordinary chat alone ("I read a good book", "cancel the meeting", "list the planets"):
 * - it speaks of bookings (「予約」, "reservation", "my booking") with an intent: "cancel my reservation";
 * - or an intent comes with a date, time or party size: "book for 3 tomorrow", 「8時に変更」;
 * - or a party size comes with a date or time: 「明日19時に3人で」.
 */
import type { BookingServices } from '../services.ts';
import { intentOf } from './intent.ts';
import { parseRequest } from './parse.ts';

const BOOKING_WORDS = /予約|\breserv(?:e|ation|ations)\b|\bbookings?\b/iu;

export async function looksLikeBooking(services: BookingServices, guildId: string, text: string): Promise<boolean> {
  const normalized = text.normalize('NFKC');
  const intent = intentOf(normalized);
  if (intent && BOOKING_WORDS.test(normalized)) return true;
  const settings = await services.resources.settings(guildId);
  const parsed = parseRequest(normalized, { now: services.clock.now(), ...settings, resources: [] });
  const when = parsed.date !== undefined || parsed.minutes !== undefined;
  if (intent) return when || parsed.party !== undefined;
  return parsed.party !== undefined && when;
}
