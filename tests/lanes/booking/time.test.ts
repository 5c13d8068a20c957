import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDateSchema, weekdayOf } from '../../../src/lanes/booking/time/civil.ts';
import { instantOf, offsetMinutes, wallClock } from '../../../src/lanes/booking/time/zone.ts';

const at = (iso: string) => Date.parse(iso);

describe('civil dates', () => {
  it('GIVEN month and year ends THEN adding days rolls over correctly, leap years included', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(weekdayOf('2025-03-09')).toBe(0);
  });

  it('GIVEN a date that does not exist THEN the schema refuses it', () => {
    expect(localDateSchema.safeParse('2025-02-30').success).toBe(false);
    expect(localDateSchema.safeParse('2024-02-29').success).toBe(true);
  });
});

describe('time zones', () => {
  it('GIVEN an instant THEN the wall clock is the zone’s, across midnight', () => {
    // 15:30 UTC is 00:30 the next day in Tokyo.
    expect(wallClock(at('2025-01-31T15:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2025-02-01', minutes: 30, weekday: 6 });
    expect(offsetMinutes(at('2025-01-31T15:30:00Z'), 'Asia/Tokyo')).toBe(540);
  });

  it('GIVEN New York’s spring-forward day THEN 02:30 does not exist and 03:00 is EDT', () => {
    expect(instantOf('2025-03-09', 150, 'America/New_York')).toBeNull();
    expect(instantOf('2025-03-09', 150, 'America/New_York', 'later')).toBe(at('2025-03-09T07:30:00Z'));
    expect(instantOf('2025-03-09', 180, 'America/New_York')).toBe(at('2025-03-09T07:00:00Z'));
    expect(instantOf('2025-03-09', 60, 'America/New_York')).toBe(at('2025-03-09T06:00:00Z'));
  });

  it('GIVEN New York’s fall-back day THEN 01:30 happens twice and the first one (EDT) is chosen', () => {
    expect(instantOf('2025-11-02', 90, 'America/New_York')).toBe(at('2025-11-02T05:30:00Z'));
    expect(instantOf('2025-11-02', 150, 'America/New_York')).toBe(at('2025-11-02T07:30:00Z'));
  });

  it('GIVEN Berlin across its DST change THEN evenings keep their wall-clock time', () => {
    expect(instantOf('2025-03-29', 19 * 60, 'Europe/Berlin')).toBe(at('2025-03-29T18:00:00Z'));
    expect(instantOf('2025-03-30', 19 * 60, 'Europe/Berlin')).toBe(at('2025-03-30T17:00:00Z'));
  });

  it('GIVEN minutes past 24:00 THEN the time is on the next day, across a month end', () => {
    expect(instantOf('2025-01-31', 25 * 60, 'Asia/Tokyo')).toBe(at('2025-01-31T16:00:00Z'));
  });
});
