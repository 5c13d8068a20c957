/**
 * Bookings as an iCalendar file (RFC 5545). Times are written in UTC (`…Z`), which every calendar converts to its
 * own zone, so no VTIMEZONE block is needed. Text is escaped (\\ ; , and newlines) and lines longer than 75 octets
 * are folded with CRLF + space, never inside a UTF-8 character.
 */
import type { Booking, Resource } from '../model.ts';

const MAX_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function icsText(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/gu, '\\n');
}

/** Folds one content line into physical lines of at most 75 octets (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20250309T070000Z` */
export function icsUtc(instantMs: number): string {
  return new Date(instantMs)
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d{3}/u, '');
}

/** The bookings as a VCALENDAR document; `now` stamps DTSTAMP. */
export function bookingsIcs(rows: readonly { booking: Booking; resource: Resource }[], calendarName: string, now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//kotodama//booking//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(calendarName)}`,
  ];
  for (const { booking, resource } of rows) {
    const description = [booking.note, `Member: ${booking.userId}`, `Party: ${booking.party}`].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${booking.id}@kotodama`,
      `DTSTAMP:${icsUtc(now)}`,
      `DTSTART:${icsUtc(booking.start)}`,
      `DTEND:${icsUtc(booking.end)}`,
      `SUMMARY:${icsText(`${resource.name}: ${booking.name} (${booking.party})`)}`,
      `DESCRIPTION:${icsText(description)}`,
      `STATUS:${booking.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
