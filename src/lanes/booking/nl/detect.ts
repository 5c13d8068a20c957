/**
 * Whether a message is about bookings, for surfaces that see every message (DMs, a booking channel, the terminal):
 * it names an intent ("book", 「予約」, "cancel my reservation") or gives a party size with a date or time
 * (「明日19時に3人で」).
 */
import type { BookingServices } from '../services.ts';
import { intentOf } from './intent.ts';
import { parseRequest } from './parse.ts';

export async function looksLikeBooking(services: BookingServices, guildId: string, text: string): Promise<boolean> {
  if (intentOf(text.normalize('NFKC'))) return true;
  const settings = await services.resources.settings(guildId);
  const parsed = parseRequest(text, { now: services.clock.now(), ...settings, resources: [] });
  return parsed.party !== undefined && (parsed.date !== undefined || parsed.minutes !== undefined);
}
