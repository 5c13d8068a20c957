import { afterAll, describe, expect, it } from 'vitest';
import { forgetMember } from '../../../../src/lanes/booking/actions/forget.ts';
import { newId } from '../../../../src/lanes/booking/model.ts';
import { bookingOf, fixedClock, restaurant, testServices } from '../helpers.ts';

const clock = fixedClock('2030-06-03T12:00:00Z');
const env = testServices({ clock });
const { services, notifier } = env;
afterAll(() => env.close());

const ME = 'forget-me-user';
const at = (iso: string) => Date.parse(iso);

/** Everything stored under the test's prefix, as text. */
async function everything(): Promise<string> {
  const out: string[] = [];
  for (const key of await env.redis.keys(`${env.prefix}:*`)) {
    const type = await env.redis.type(key);
    if (type === 'string') out.push(String(await env.redis.get(key)));
    if (type === 'hash') out.push(JSON.stringify(await env.redis.hgetall(key)));
    if (type === 'zset') out.push(JSON.stringify(await env.redis.zrange(key, '0', '-1')));
    if (type === 'list') out.push(JSON.stringify(await env.redis.lrange(key, 0, -1)));
    out.push(key);
  }
  return out.join('\n');
}

describe('forgetMember', () => {
  it('GIVEN a member with upcoming, past and cancelled bookings, a waitlist place and a conversation THEN nothing names them afterwards', async () => {
    const resource = restaurant({ capacity: 1, maxPerMember: 10 });
    expect(await services.resources.save(resource)).toBe('ok');
    const early = at('2030-03-01T00:00:00Z');
    const upcoming = bookingOf(resource, ME, at('2030-06-05T17:00:00Z'));
    const past = bookingOf(resource, ME, at('2030-05-01T17:00:00Z'));
    const cancelled = bookingOf(resource, ME, at('2030-06-06T17:00:00Z'));
    const othersSlot = bookingOf(resource, 'other', at('2030-06-07T17:00:00Z'));
    for (const b of [upcoming, past, cancelled, othersSlot])
      expect((await services.bookings.book(resource, b, `k-${b.id}`, early, 60)).ok).toBe(true);
    await services.bookings.release(resource, cancelled.id, 'cancel', ME, early, { id: newId('b'), expiresAt: early });
    await services.bookings.joinWaitlist(resource, bookingOf(resource, 'waiting', upcoming.start), early, 10);
    await services.bookings.joinWaitlist(resource, bookingOf(resource, ME, othersSlot.start), early, 10);
    await services.conversations.save('some-channel', ME, { intent: 'book', party: 2 });
    expect(await everything()).toContain(ME);

    await forgetMember(services, ME);

    expect(await everything()).not.toContain(ME);
    // Their upcoming seat went to the waitlist, as with any cancellation.
    expect(notifier.notices.find((n) => n.kind === 'offer')?.booking.userId).toBe('waiting');
    expect((await services.bookings.get(resource, othersSlot.id))?.status).toBe('confirmed');
  });
});
