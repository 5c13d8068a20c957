import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeBooking } from '../../../../src/lanes/booking/nl/detect.ts';
import { fixedClock, GUILD, testServices } from '../helpers.ts';

const env = testServices({ clock: fixedClock('2030-06-03T03:00:00Z') });
afterAll(() => env.close());

describe('looksLikeBooking', () => {
  it('GIVEN booking requests in both languages THEN they are taken', async () => {
    for (const text of [
      '明日19時に3人で',
      '予約をキャンセルしたい',
      '8時に変更',
      'book a table for 3 tomorrow at 7',
      'cancel my reservation',
      'move my booking to 8pm',
      'show my bookings',
      '予約の確認',
    ]) {
      expect({ text, booking: await looksLikeBooking(env.services, GUILD, text) }).toEqual({ text, booking: true });
    }
  });

  it('GIVEN ordinary chat with the same words THEN it is left to the other lanes', async () => {
    for (const text of [
      'I read a good book',
      'cancel the meeting',
      'list the planets',
      'can you change the topic?',
      'hello',
      '3 people liked it',
    ]) {
      expect({ text, booking: await looksLikeBooking(env.services, GUILD, text) }).toEqual({ text, booking: false });
    }
  });
});
