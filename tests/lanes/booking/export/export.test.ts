import { describe, expect, it } from 'vitest';
import { bookingsCsv, csvCell } from '../../../../src/lanes/booking/export/csv.ts';
import { bookingsIcs, foldLine, icsText } from '../../../../src/lanes/booking/export/ics.ts';
import { bookingOf, restaurant } from '../helpers.ts';

const resource = restaurant({ name: 'Table, main room' });
const start = Date.parse('2025-03-09T07:00:00Z'); // 03:00 EDT, just after New York's clocks jumped

describe('CSV export', () => {
  it('GIVEN cells starting with = + - @ THEN they are neutralised with a quote so no spreadsheet runs them', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-2)).toBe('-2');
  });

  it('GIVEN commas, quotes and newlines THEN cells are quoted with quotes doubled, rows end with CRLF, times in the zone', () => {
    const booking = { ...bookingOf(resource, '42', start, 3), name: 'Ann "A" Lee', note: 'window\nplease', createdAt: 0 };
    const csv = bookingsCsv([{ booking, resource }], 'America/New_York');
    expect(csv.startsWith('\uFEFFbooking_id,resource,date,start,end,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      `${booking.id},"Table, main room",2025-03-09,03:00,04:00,3,"Ann ""A"" Lee","window\nplease",42,confirmed,1970-01-01T00:00:00.000Z`,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('iCalendar export', () => {
  it('GIVEN TEXT with \\ ; , and newlines THEN each is escaped', () => {
    expect(icsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('GIVEN a long Japanese line THEN it folds at 75 octets without splitting a character and unfolds to the original', () => {
    const line = `SUMMARY:${'予約'.repeat(40)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    expect(physical.every((p) => Buffer.byteLength(p, 'utf8') <= 75)).toBe(true);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
  });

  it('GIVEN a booking THEN a VEVENT with UTC times, a stable UID and escaped summary', () => {
    const booking = bookingOf(resource, '42', start, 2);
    const ics = bookingsIcs([{ booking, resource }], 'Bookings', Date.parse('2025-03-01T00:00:00Z'));
    const lines = ics.replaceAll('\r\n ', '').split('\r\n');
    expect(lines).toContain(`UID:${booking.id}@kotodama`);
    expect(lines).toContain('DTSTART:20250309T070000Z');
    expect(lines).toContain('DTEND:20250309T080000Z');
    expect(lines).toContain('DTSTAMP:20250301T000000Z');
    expect(lines).toContain('SUMMARY:Table\\, main room: member 42 (2)');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
