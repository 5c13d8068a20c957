import { describe, expect, it } from 'vitest';
import { parseRequest, type ParseContext } from '../../../../src/lanes/booking/nl/parse.ts';

const context = (iso: string, timeZone: string, extra: Partial<ParseContext> = {}): ParseContext => ({
  now: Date.parse(iso),
  timeZone,
  dateOrder: 'month-first',
  resources: [],
  ...extra,
});
const TOKYO_LATE = context('2025-01-31T14:30:00Z', 'Asia/Tokyo'); // Friday 31 January, 23:30 in Tokyo
const TOKYO_PAST_MIDNIGHT = context('2025-01-31T15:10:00Z', 'Asia/Tokyo'); // Saturday 1 February, 00:10 in Tokyo
const TOKYO_MONDAY = context('2025-03-10T03:00:00Z', 'Asia/Tokyo'); // Monday 10 March, noon

describe('parseRequest in Japanese', () => {
  it('GIVEN 「明日19時に3人で予約したい」 at 23:30 on 31 January in Tokyo THEN 1 February 19:00 for 3, booking', () => {
    expect(parseRequest('明日19時に3人で予約したい', TOKYO_LATE)).toEqual({
      intent: 'book',
      date: '2025-02-01',
      minutes: 1140,
      timeAmbiguous: false,
      party: 3,
    });
  });

  it('GIVEN 「明日」 ten minutes after midnight in Tokyo (still the day before in UTC) THEN the day after the Tokyo date', () => {
    expect(parseRequest('明日19時', TOKYO_PAST_MIDNIGHT).date).toBe('2025-02-02');
  });

  it('GIVEN 「明後日の昼、2名」 at a month end THEN two days later at noon for 2', () => {
    expect(parseRequest('明後日の昼、2名', TOKYO_LATE)).toMatchObject({ date: '2025-02-02', minutes: 720, party: 2 });
  });

  it('GIVEN 「来週の金曜の昼、2名」 on a Monday THEN the Friday of next week (not this week) at noon', () => {
    expect(parseRequest('来週の金曜の昼、2名', TOKYO_MONDAY)).toMatchObject({ date: '2025-03-21', minutes: 720, party: 2 });
    expect(parseRequest('今週の金曜 19時', TOKYO_MONDAY).date).toBe('2025-03-14');
  });

  it('GIVEN party sizes in kanji, kana and full-width digits THEN each is read', () => {
    expect(parseRequest('三人で明日', TOKYO_LATE).party).toBe(3);
    expect(parseRequest('明日ふたりで', TOKYO_LATE).party).toBe(2);
    expect(parseRequest('明日１９時に４名', TOKYO_LATE)).toMatchObject({ party: 4, minutes: 1140 });
    expect(parseRequest('十二人', TOKYO_LATE).party).toBe(12);
  });

  it('GIVEN 「明日の夜7時」 THEN 19:00, and 「8時に変更」 THEN a change to an 8 that could be morning or evening', () => {
    expect(parseRequest('明日の夜7時', TOKYO_LATE)).toMatchObject({ date: '2025-02-01', minutes: 1140, timeAmbiguous: false });
    expect(parseRequest('8時に変更', TOKYO_LATE)).toMatchObject({ intent: 'change', minutes: 480, timeAmbiguous: true });
  });

  it('GIVEN 「12/1 18時」 on a Japanese (month-first) server THEN 1 December, noted as a reading of 12/1', () => {
    expect(parseRequest('12/1 18時', TOKYO_MONDAY)).toMatchObject({
      date: '2025-12-01',
      minutes: 1080,
      slashDate: { text: '12/1', date: '2025-12-01' },
    });
  });

  it('GIVEN cancel and list phrasings THEN their intents', () => {
    expect(parseRequest('予約をキャンセルしたい', TOKYO_LATE).intent).toBe('cancel');
    expect(parseRequest('予約の確認', TOKYO_LATE).intent).toBe('list');
  });
});

const NY_SATURDAY_NIGHT = context('2025-03-09T04:30:00Z', 'America/New_York'); // Saturday 8 March, 23:30 EST; DST starts 9 March

describe('parseRequest in English', () => {
  it('GIVEN "book a table for 3 tomorrow at 7" at 23:30 before New York’s DST change THEN 9 March 7 o’clock (am or pm) for 3', () => {
    expect(parseRequest('book a table for 3 tomorrow at 7', NY_SATURDAY_NIGHT)).toEqual({
      intent: 'book',
      date: '2025-03-09',
      minutes: 420,
      timeAmbiguous: true,
      party: 3,
    });
  });

  it('GIVEN "in 2 hours" at 01:30 on the spring-forward night THEN 04:30 EDT (the clock skipped an hour)', () => {
    expect(parseRequest('in 2 hours', context('2025-03-09T06:30:00Z', 'America/New_York'))).toMatchObject({
      date: '2025-03-09',
      minutes: 270,
    });
  });

  it('GIVEN "tomorrow 7pm" late on the last day of February THEN 1 March 19:00', () => {
    expect(parseRequest('tomorrow 7pm', context('2025-03-01T03:00:00Z', 'America/New_York'))).toMatchObject({
      date: '2025-03-01',
      minutes: 1140,
    });
  });

  it('GIVEN "tomorrow at 19:00" the day before Berlin’s DST change THEN 30 March 19:00', () => {
    expect(parseRequest('tomorrow at 19:00', context('2025-03-29T12:00:00Z', 'Europe/Berlin'))).toMatchObject({
      date: '2025-03-30',
      minutes: 1140,
    });
  });

  it('GIVEN "next Friday at noon, party of 4" and "move my booking to 8pm" THEN date, time, party and intents', () => {
    expect(parseRequest('next Friday at noon, party of 4', context('2025-03-10T15:00:00Z', 'UTC'))).toMatchObject({
      date: '2025-03-21',
      minutes: 720,
      party: 4,
    });
    expect(parseRequest('move my booking to 8pm', NY_SATURDAY_NIGHT)).toMatchObject({
      intent: 'change',
      minutes: 1200,
      timeAmbiguous: false,
    });
    expect(parseRequest('cancel my reservation', NY_SATURDAY_NIGHT)).toEqual({ intent: 'cancel' });
    expect(parseRequest('show my bookings', NY_SATURDAY_NIGHT).intent).toBe('list');
  });

  it('GIVEN "12/1 at 6pm" THEN 1 December on a month-first server and 12 January on a day-first one, each noted', () => {
    const november = '2025-11-15T12:00:00Z';
    expect(parseRequest('12/1 at 6pm', context(november, 'Europe/Berlin'))).toMatchObject({
      date: '2025-12-01',
      slashDate: { text: '12/1', date: '2025-12-01' },
    });
    expect(parseRequest('12/1 at 6pm', context(november, 'Europe/Berlin', { dateOrder: 'day-first' }))).toMatchObject({
      date: '2026-01-12',
      slashDate: { date: '2026-01-12' },
    });
  });

  it('GIVEN "for 7pm" THEN no party size is read from the time', () => {
    expect(parseRequest('a table for 7pm', NY_SATURDAY_NIGHT).party).toBeUndefined();
    expect(parseRequest('a table for two at 7pm', NY_SATURDAY_NIGHT).party).toBe(2);
  });

  it('GIVEN resource names THEN the longest one named in the text is chosen, ignoring case and width', () => {
    const resources = [
      { id: 'room', name: 'Room' },
      { id: 'big', name: 'Big room' },
    ];
    expect(parseRequest('book the BIG ROOM tomorrow', { ...NY_SATURDAY_NIGHT, resources }).resourceId).toBe('big');
    expect(parseRequest('ｒｏｏｍ 明日', { ...NY_SATURDAY_NIGHT, resources }).resourceId).toBe('room');
  });
});
