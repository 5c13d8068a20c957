import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBooking, LOCAL_GUILD } from '../../../src/lanes/booking/local.ts';
import { fixedClock, testServices } from './helpers.ts';

// Monday 3 June 2030, 19:00 in Tokyo.
const clock = fixedClock('2030-06-03T10:00:00Z');
const env = testServices({ clock });
const { services, notifier } = env;
const aiko = createLocalBooking(services, { userId: 'aiko', displayName: 'Aiko', locale: 'ja' });
const ben = createLocalBooking(services, { userId: 'ben', displayName: 'Ben', locale: 'en' });

const idAfter = (command: string, text: string | undefined): string => {
  const match = new RegExp(`/${command} ([a-z0-9]+)`, 'u').exec(text ?? '');
  if (!match?.[1]) throw new Error(`no /${command} in: ${text}`);
  return match[1];
};

beforeAll(async () => {
  expect(await aiko.answer('/booking-setup Table capacity=2 slot=60 hours=17:00-22:00 tz=Asia/Tokyo')).toBe(
    'Tableを保存しました：1枠2名、60分。',
  );
});
afterAll(() => env.close());

describe('local chat booking flows', () => {
  it('GIVEN a Japanese request without a party size THEN it asks one question, remembers the answer and books only on /confirm', async () => {
    expect(await aiko.answer('明日19時に予約したい')).toBe('何名様ですか？');
    const card = await aiko.answer('2');
    expect(card).toContain('予約内容のご確認');
    expect(card).toContain('人数: 2名');
    expect(await services.bookings.between((await services.resources.list(LOCAL_GUILD))[0]!, 0, Infinity)).toEqual([]);
    expect(await aiko.answer(`/confirm ${idAfter('confirm', card)}`)).toMatch(/^✅ 予約しました：Table、.*19:00、2名$/u);
  });

  it('GIVEN the slot is full THEN an English member is told, offered nearby times and the waitlist, and gets the place when it is cancelled', async () => {
    const refused = await ben.answer('book a table for 2 tomorrow at 7');
    expect(refused).toContain('That slot is full (0 left, you asked for 2).');
    expect(refused).toContain('Nearest free times:');
    expect(await ben.answer(`/waitlist ${idAfter('waitlist', refused)}`)).toMatch(/^📝 You are number 1 on the waitlist for .*19:00/u);

    const cancelCard = await aiko.answer('予約をキャンセルしたい');
    expect(cancelCard).toContain('この予約をキャンセルしますか？');
    expect(await aiko.answer(`/confirm ${idAfter('confirm', cancelCard)}`)).toMatch(/^🗑️ キャンセルしました/u);

    const offer = notifier.notices.find((n) => n.kind === 'offer' && n.booking.userId === 'ben');
    expect(offer?.booking.party).toBe(2);
    expect(await ben.answer(`/accept ${offer?.booking.id}`)).toMatch(/^✅ Booked: Table, .*19:00, party of 2\.$/u);
    expect(await aiko.answer('/mybookings')).toBe('今後の予約はありません。');
  });

  it('GIVEN "move my booking to 8pm" THEN the card shows the old and new time, and /confirm moves it', async () => {
    const card = await ben.answer('move my booking to 8pm');
    expect(card).toContain('Please confirm the change');
    expect(card).toMatch(/When: .*20:00/u);
    expect(card).toMatch(/Was: .*19:00/u);
    expect(await ben.answer(`/confirm ${idAfter('confirm', card)}`)).toMatch(/^✅ Moved: Table, now .*20:00\.$/u);
  });

  it('GIVEN bad input THEN each gets its own clear message and nothing is stored', async () => {
    expect(await ben.answer('book for 3 tomorrow at 7pm')).toBe('A slot holds at most 2; please split the party or contact the staff.');
    expect(await ben.answer('book yesterday at 7pm for 1')).toMatch(/^That time has already passed\.\nNearest free times: /u);
    expect(await ben.answer('book for 1 tomorrow at 6:30pm')).toMatch(/^There is no slot at 18:30 on 2030-06-04\./u);
    expect(await ben.answer('book for 1 on 12/20/2030 at 7pm')).toBe('Booking opens 30 days ahead; that is too far.');
    expect(await ben.answer('/confirm d000000000000')).toBe('This card has expired; please start again.');
    expect((await ben.answer('/mybookings'))?.split('\n')).toHaveLength(2);
  });

  it('GIVEN 「12/1」 on a month-first server THEN the card says it was read as 1 December', async () => {
    clock.set('2030-11-20T10:00:00Z');
    const card = await aiko.answer('12/1 19時に1名で');
    expect(card).toContain('「12/1」は2030年12月1日(日)と解釈しました。');
  });

  it('GIVEN office hours for one person from 14:00 to 16:00 THEN "book office tomorrow at 3" is 15:00 for 1, without asking', async () => {
    expect(await ben.answer('/booking-setup Office capacity=1 slot=20 hours=14:00-16:00')).toBe(
      'Saved Office: 1 per slot, 20-minute slots.',
    );
    const card = await ben.answer('book office tomorrow at 3');
    expect(card).toMatch(/What: Office\n {2}When: .*15:00\n {2}Party: 1/u);
  });

  it('GIVEN text that is not about bookings THEN the local surface leaves it to the other lanes', async () => {
    expect(await ben.answer('hello, how are you?')).toBeUndefined();
    expect(await ben.answer('/translate ja hello')).toBeUndefined();
  });
});
