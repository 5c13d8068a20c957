/**
 * Date reading at the edges, in both languages: just before and just after midnight where the server's date and the
 * UTC date differ, month and year ends (leap years included), and the nights of DST changes in two DST zones
 * (America/New_York, Europe/Berlin), spring forward and fall back. Dates are always the server's wall-clock dates.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest, type ParseContext } from '../../../../src/lanes/booking/nl/parse.ts';

const at = (iso: string, timeZone: string): ParseContext => ({
  now: Date.parse(iso),
  timeZone,
  dateOrder: 'month-first',
  resources: [],
});
const read = (text: string, context: ParseContext) => {
  const { date, minutes } = parseRequest(text, context);
  return { date, minutes };
};

describe('around midnight', () => {
  // 23:50 EST on Tuesday 14 January is already 15 January in UTC.
  const NY_BEFORE = at('2025-01-15T04:50:00Z', 'America/New_York');
  // 00:10 CET on Wednesday 15 January is still 14 January in UTC.
  const BERLIN_AFTER = at('2025-01-14T23:10:00Z', 'Europe/Berlin');

  it('GIVEN 23:50 in New York (the next day in UTC) THEN tomorrow and 明日 are the next New York day, today and 今日 this one', () => {
    expect(read('tomorrow at 7pm', NY_BEFORE)).toEqual({ date: '2025-01-15', minutes: 1140 });
    expect(read('明日19時', NY_BEFORE)).toEqual({ date: '2025-01-15', minutes: 1140 });
    expect(read('today at 11:55pm', NY_BEFORE)).toEqual({ date: '2025-01-14', minutes: 1435 });
    expect(read('今日の23時55分', NY_BEFORE)).toEqual({ date: '2025-01-14', minutes: 1435 });
  });

  it('GIVEN 00:10 in Berlin (the day before in UTC) THEN tomorrow and 明日 skip the UTC date', () => {
    expect(read('tomorrow 19:00', BERLIN_AFTER)).toEqual({ date: '2025-01-16', minutes: 1140 });
    expect(read('明日の19時', BERLIN_AFTER)).toEqual({ date: '2025-01-16', minutes: 1140 });
    expect(read('today at 8pm', BERLIN_AFTER)).toEqual({ date: '2025-01-15', minutes: 1200 });
    expect(read('今日の夜8時', BERLIN_AFTER)).toEqual({ date: '2025-01-15', minutes: 1200 });
  });

  it('GIVEN the day after tomorrow and 明後日 just after midnight THEN two days after the server date', () => {
    expect(read('the day after tomorrow at 6pm', BERLIN_AFTER).date).toBe('2025-01-17');
    expect(read('明後日の18時', BERLIN_AFTER).date).toBe('2025-01-17');
    expect(read('明後日の18時', NY_BEFORE).date).toBe('2025-01-16');
    expect(read('day after tomorrow at 6pm', BERLIN_AFTER)).toEqual({ date: '2025-01-17', minutes: 1080 });
  });

  it('GIVEN "in 3 days" / 「3日後」 and weeks just after midnight THEN counted from the server date', () => {
    expect(read('in 3 days at 7pm', BERLIN_AFTER)).toEqual({ date: '2025-01-18', minutes: 1140 });
    expect(read('3日後の19時', BERLIN_AFTER)).toEqual({ date: '2025-01-18', minutes: 1140 });
    expect(read('in a week at 7pm', BERLIN_AFTER).date).toBe('2025-01-22');
    expect(read('1週間後の19時', BERLIN_AFTER).date).toBe('2025-01-22');
  });

  it('GIVEN 「30分後」 and 「1時間半後」 at 23:50 THEN the next day, just after midnight', () => {
    expect(read('30分後', NY_BEFORE)).toEqual({ date: '2025-01-15', minutes: 20 });
    expect(read('1時間半後', NY_BEFORE)).toEqual({ date: '2025-01-15', minutes: 80 });
  });

  it('GIVEN a weekday named just before midnight THEN the coming one in the server zone', () => {
    // Tuesday 23:50 in New York (Wednesday in UTC): "Wednesday" is tomorrow there, not a week later.
    expect(read('Wednesday at 7pm', NY_BEFORE).date).toBe('2025-01-15');
    expect(read('水曜日の19時', NY_BEFORE).date).toBe('2025-01-15');
  });
});

describe('month and year ends', () => {
  const NEW_YEARS_EVE = at('2025-12-31T22:30:00Z', 'Europe/Berlin'); // 23:30 CET, 31 December
  const LEAP = at('2024-02-28T20:00:00Z', 'America/New_York'); // 15:00 EST, 28 February 2024
  const NOT_LEAP = at('2025-02-28T20:00:00Z', 'America/New_York');

  it('GIVEN 31 December late evening THEN tomorrow is 1 January and 明後日 is 2 January of the next year', () => {
    expect(read('tomorrow at noon', NEW_YEARS_EVE)).toEqual({ date: '2026-01-01', minutes: 720 });
    expect(read('明日の昼', NEW_YEARS_EVE)).toEqual({ date: '2026-01-01', minutes: 720 });
    expect(read('the day after tomorrow at 7pm', NEW_YEARS_EVE).date).toBe('2026-01-02');
    expect(read('明後日の19時', NEW_YEARS_EVE).date).toBe('2026-01-02');
  });

  it('GIVEN 28 February THEN tomorrow is the 29th in a leap year and 1 March otherwise, in both languages', () => {
    expect(read('tomorrow 7pm', LEAP).date).toBe('2024-02-29');
    expect(read('明日19時', LEAP).date).toBe('2024-02-29');
    expect(read('tomorrow 7pm', NOT_LEAP).date).toBe('2025-03-01');
    expect(read('明日19時', NOT_LEAP).date).toBe('2025-03-01');
    expect(read('明後日19時', NOT_LEAP).date).toBe('2025-03-02');
  });

  it('GIVEN next week’s Friday asked on the last day of a month THEN a date in the next month', () => {
    const lastOfApril = at('2025-04-30T10:00:00Z', 'Europe/Berlin'); // Wednesday
    expect(read('来週の金曜の19時', lastOfApril)).toEqual({ date: '2025-05-09', minutes: 1140 });
    expect(read('今週の金曜 19時', lastOfApril).date).toBe('2025-05-02');
  });

  it('GIVEN a month and day already past this year THEN next year’s, in both languages', () => {
    expect(read('1月5日の18時', NEW_YEARS_EVE).date).toBe('2026-01-05');
    expect(read('January 5 at 6pm', NEW_YEARS_EVE).date).toBe('2026-01-05');
  });
});

describe('DST changes', () => {
  it('GIVEN the evening before New York springs forward THEN tomorrow 7pm is 9 March 19:00 in both languages', () => {
    const eve = at('2025-03-09T04:30:00Z', 'America/New_York'); // Saturday 23:30 EST
    expect(read('tomorrow at 7pm', eve)).toEqual({ date: '2025-03-09', minutes: 1140 });
    expect(read('明日の夜7時', eve)).toEqual({ date: '2025-03-09', minutes: 1140 });
  });

  it('GIVEN just after New York springs forward THEN today and 今日 are still 9 March', () => {
    const after = at('2025-03-09T07:10:00Z', 'America/New_York'); // 03:10 EDT
    expect(read('today at 7pm', after)).toEqual({ date: '2025-03-09', minutes: 1140 });
    expect(read('今日の19時', after)).toEqual({ date: '2025-03-09', minutes: 1140 });
    expect(read('tomorrow at 7pm', after).date).toBe('2025-03-10');
  });

  it('GIVEN the night New York falls back THEN 23:30 EDT before and 23:30 EST after each read tomorrow as the next local day', () => {
    const before = at('2025-11-02T03:30:00Z', 'America/New_York'); // Saturday 1 November 23:30 EDT
    const after = at('2025-11-03T04:30:00Z', 'America/New_York'); // Sunday 2 November 23:30 EST
    expect(read('tomorrow at 7pm', before)).toEqual({ date: '2025-11-02', minutes: 1140 });
    expect(read('明日19時', before)).toEqual({ date: '2025-11-02', minutes: 1140 });
    expect(read('tomorrow at 7pm', after)).toEqual({ date: '2025-11-03', minutes: 1140 });
    expect(read('明日19時', after)).toEqual({ date: '2025-11-03', minutes: 1140 });
  });

  it('GIVEN "in 2 hours" / 「2時間後」 at 00:30 on New York’s fall-back night THEN 01:30 EST (the hour repeats)', () => {
    const night = at('2025-11-02T04:30:00Z', 'America/New_York'); // 00:30 EDT
    expect(read('in 2 hours', night)).toEqual({ date: '2025-11-02', minutes: 90 });
    expect(read('2時間後', night)).toEqual({ date: '2025-11-02', minutes: 90 });
  });

  it('GIVEN "in 2 hours" / 「2時間後」 at 01:30 on Berlin’s spring-forward night THEN 04:30 CEST (an hour is skipped)', () => {
    const night = at('2025-03-30T00:30:00Z', 'Europe/Berlin'); // 01:30 CET
    expect(read('in 2 hours', night)).toEqual({ date: '2025-03-30', minutes: 270 });
    expect(read('2時間後', night)).toEqual({ date: '2025-03-30', minutes: 270 });
  });

  it('GIVEN the evening before Berlin falls back THEN tomorrow 19:00 is 26 October in both languages', () => {
    const eve = at('2025-10-25T21:30:00Z', 'Europe/Berlin'); // Saturday 23:30 CEST
    expect(read('tomorrow at 19:00', eve)).toEqual({ date: '2025-10-26', minutes: 1140 });
    expect(read('明日の19時', eve)).toEqual({ date: '2025-10-26', minutes: 1140 });
    const late = at('2025-10-26T22:30:00Z', 'Europe/Berlin'); // Sunday 23:30 CET
    expect(read('tomorrow at 19:00', late).date).toBe('2025-10-27');
    expect(read('明日の19時', late).date).toBe('2025-10-27');
  });
});
