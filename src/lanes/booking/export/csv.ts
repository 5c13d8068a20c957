/**
 * Bookings as CSV (RFC 4180: CRLF, quotes doubled), for spreadsheets. A cell starting with = + - @ (or a tab or
 * carriage return) would run as a formula in Excel or Sheets ("CSV injection"): such cells get a leading `'`.
 * A UTF-8 byte-order mark lets Excel read Japanese names correctly.
 */
import type { Booking, Resource } from '../model.ts';
import { localLabel } from '../time/zone.ts';

const FORMULA_START = /^[=+\-@\t\r]/u;
const NEEDS_QUOTES = /[",\r\n]/u;
const HEADER = ['booking_id', 'resource', 'date', 'start', 'end', 'party', 'name', 'note', 'member_id', 'status', 'booked_at_utc'];

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The bookings as a CSV document; dates and times are wall-clock times in `timeZone`. */
export function bookingsCsv(rows: readonly { booking: Booking; resource: Resource }[], timeZone: string): string {
  const lines = [HEADER.join(',')];
  for (const { booking, resource } of rows) {
    const start = localLabel(booking.start, timeZone);
    const end = localLabel(booking.end, timeZone);
    const cells = [
      booking.id,
      resource.name,
      start.date,
      start.time,
      end.time,
      booking.party,
      booking.name,
      booking.note,
      booking.userId,
      booking.status,
      new Date(booking.createdAt).toISOString(),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
