import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../../../src/lanes/booking/model.ts';
import { BookingStore } from '../../../../src/lanes/booking/store/bookings.ts';
import { bookingOf, restaurant, testRedis } from '../helpers.ts';

const env = testRedis();
const store = new BookingStore(env.redis, env.prefix);
afterAll(() => env.close());

const SLOT = Date.parse('2030-06-03T17:00:00Z');
const NOW = Date.parse('2030-06-01T12:00:00Z');
const TTL = 3600;
const offer = () => ({ id: newId('b'), expiresAt: NOW + 15 * 60_000 });

describe('BookingStore.book', () => {
  it('GIVEN 25 members confirming the last 4 seats at once THEN exactly 4 are booked and 21 are told it is full', async () => {
    const resource = restaurant({ capacity: 4 });
    const attempts = Array.from({ length: 25 }, (_, i) => {
      // Each press on its own connection, as separate bot processes would.
      const redis = env.redis.duplicate();
      const own = new BookingStore(redis, env.prefix);
      return own.book(resource, bookingOf(resource, `u${i}`, SLOT), `interaction-${i}`, NOW, TTL).finally(() => redis.disconnect());
    });
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(4);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(21);
    expect(refused.every((o) => o.reason === 'full' && 'free' in o && o.free === 0)).toBe(true);
    expect((await store.taken(resource, [SLOT])).get(SLOT)).toBe(4);
    expect(await store.between(resource, SLOT, SLOT + 1)).toHaveLength(4);
  });

  it('GIVEN a party larger than the seats left THEN it is refused with the seats left and nothing is written', async () => {
    const resource = restaurant({ capacity: 4 });
    await store.book(resource, bookingOf(resource, 'a', SLOT, 3), 'i-a', NOW, TTL);
    const before = await env.redis.hgetall(store.keys(resource).bookings);
    const outcome = await store.book(resource, bookingOf(resource, 'b', SLOT, 2), 'i-b', NOW, TTL);
    expect(outcome).toEqual({ ok: false, reason: 'full', free: 1 });
    expect(await env.redis.hgetall(store.keys(resource).bookings)).toEqual(before);
    expect(await env.redis.exists(store.keys(resource).idempotency('i-b'))).toBe(0);
    expect(await store.upcoming(resource, 'b', NOW)).toEqual([]);
  });

  it('GIVEN the same interaction delivered twice THEN one booking exists and the second answer is that booking', async () => {
    const resource = restaurant();
    const first = await store.book(resource, bookingOf(resource, 'a', SLOT), 'same', NOW, TTL);
    const again = await store.book(resource, bookingOf(resource, 'a', SLOT), 'same', NOW, TTL);
    expect(first.ok && again.ok && again.duplicate && again.booking.id === first.booking.id).toBe(true);
    expect((await store.taken(resource, [SLOT])).get(SLOT)).toBe(1);
  });

  it('GIVEN a member at their limit THEN a third booking is refused, and a past booking no longer counts', async () => {
    const resource = restaurant({ maxPerMember: 2 });
    const day = 86_400_000;
    expect((await store.book(resource, bookingOf(resource, 'a', SLOT), 'l1', NOW, TTL)).ok).toBe(true);
    expect((await store.book(resource, bookingOf(resource, 'a', SLOT + day), 'l2', NOW, TTL)).ok).toBe(true);
    expect(await store.book(resource, bookingOf(resource, 'a', SLOT + 2 * day), 'l3', NOW, TTL)).toEqual({
      ok: false,
      reason: 'limit',
      count: 2,
    });
    expect(await store.book(resource, bookingOf(resource, 'a', SLOT), 'l4', NOW, TTL)).toEqual({ ok: false, reason: 'already' });
    const later = SLOT + 1;
    expect((await store.book(resource, bookingOf(resource, 'a', SLOT + 2 * day), 'l5', later, TTL)).ok).toBe(true);
  });
});

describe('BookingStore cancel, waitlist and move', () => {
  it('GIVEN a full slot with a waitlist WHEN a booking is cancelled THEN the first waiting member whose party fits gets an offer', async () => {
    const resource = restaurant({ capacity: 2 });
    const a = bookingOf(resource, 'a', SLOT, 2);
    await store.book(resource, a, 'w-a', NOW, TTL);
    const big = { ...bookingOf(resource, 'big', SLOT, 3) };
    const small = { ...bookingOf(resource, 'small', SLOT, 2) };
    expect(await store.joinWaitlist(resource, big, NOW, 10)).toEqual({ ok: true, position: 1 });
    expect(await store.joinWaitlist(resource, small, NOW, 10)).toEqual({ ok: true, position: 2 });
    expect(await store.joinWaitlist(resource, small, NOW, 10)).toEqual({ ok: false, reason: 'already_waiting' });
    // The list disappears when the slot starts.
    expect(await env.redis.pttl(store.keys(resource).waitlist(SLOT))).toBeGreaterThan(0);
    expect(await env.redis.call('PEXPIRETIME', store.keys(resource).waitlist(SLOT))).toBe(SLOT);

    const next = offer();
    const released = await store.release(resource, a.id, 'cancel', 'a', NOW, next);
    expect(released.ok && released.booking.status).toBe('cancelled');
    expect(released.ok && released.promoted).toMatchObject({
      id: next.id,
      userId: 'small',
      status: 'offered',
      offerExpiresAt: next.expiresAt,
    });
    expect((await store.taken(resource, [SLOT])).get(SLOT)).toBe(2);
    expect((await store.waitlist(resource, SLOT)).map((e) => e.userId)).toEqual(['big']);
  });

  it('GIVEN an offer WHEN it expires THEN the seats go to the next in line; WHEN accepted in time THEN it is confirmed', async () => {
    const resource = restaurant({ capacity: 1 });
    const a = bookingOf(resource, 'a', SLOT);
    await store.book(resource, a, 'e-a', NOW, TTL);
    await store.joinWaitlist(resource, bookingOf(resource, 'b', SLOT), NOW, 10);
    await store.joinWaitlist(resource, bookingOf(resource, 'c', SLOT), NOW, 10);
    const first = offer();
    const released = await store.release(resource, a.id, 'cancel', null, NOW, first);
    expect(released.ok && released.booking.cancelledBy).toBe('admin');
    expect(await store.release(resource, first.id, 'expire', null, NOW, offer())).toEqual({ ok: false, reason: 'not_expired' });
    const second = offer();
    const expired = await store.release(resource, first.id, 'expire', null, first.expiresAt, second);
    expect(expired.ok && expired.promoted?.userId).toBe('c');
    expect(await store.accept(resource, second.id, 'b', NOW)).toEqual({ ok: false, reason: 'forbidden' });
    const accepted = await store.accept(resource, second.id, 'c', NOW);
    expect(accepted.ok && accepted.booking.status).toBe('confirmed');
    expect(accepted.ok && accepted.booking.offerExpiresAt).toBeUndefined();
    expect((await store.taken(resource, [SLOT])).get(SLOT)).toBe(1);
  });

  it('GIVEN a booking WHEN another member cancels it THEN it is refused and nothing changes', async () => {
    const resource = restaurant();
    const a = bookingOf(resource, 'a', SLOT);
    await store.book(resource, a, 'f-a', NOW, TTL);
    expect(await store.release(resource, a.id, 'cancel', 'mallory', NOW, offer())).toEqual({ ok: false, reason: 'forbidden' });
    expect((await store.get(resource, a.id))?.status).toBe('confirmed');
  });

  it('GIVEN a move to a slot with room THEN the seats move and the old slot’s waitlist is offered them', async () => {
    const resource = restaurant({ capacity: 1 });
    const other = SLOT + 90 * 60_000;
    const a = bookingOf(resource, 'a', SLOT);
    await store.book(resource, a, 'm-a', NOW, TTL);
    await store.joinWaitlist(resource, bookingOf(resource, 'b', SLOT), NOW, 10);
    const next = offer();
    const moved = await store.move(resource, a.id, 'a', { start: other, end: other + 3_600_000 }, NOW, next, 'move-1', TTL);
    expect(moved.ok && moved.booking.start).toBe(other);
    expect(moved.ok && moved.promoted?.userId).toBe('b');
    expect(Object.fromEntries(await store.taken(resource, [SLOT, other]))).toEqual({ [SLOT]: 1, [other]: 1 });
    const again = await store.move(resource, a.id, 'a', { start: other, end: other + 3_600_000 }, NOW, offer(), 'move-1', TTL);
    expect(again.ok && again.duplicate).toBe(true);
  });

  it('GIVEN a move to a full slot THEN it is refused and the booking stays where it was', async () => {
    const resource = restaurant({ capacity: 1 });
    const other = SLOT + 90 * 60_000;
    const a = bookingOf(resource, 'a', SLOT);
    await store.book(resource, a, 'n-a', NOW, TTL);
    await store.book(resource, bookingOf(resource, 'b', other), 'n-b', NOW, TTL);
    expect(await store.move(resource, a.id, 'a', { start: other, end: other + 1 }, NOW, offer(), 'move-2', TTL)).toEqual({
      ok: false,
      reason: 'full',
      free: 0,
    });
    expect((await store.get(resource, a.id))?.start).toBe(SLOT);
    expect(Object.fromEntries(await store.taken(resource, [SLOT, other]))).toEqual({ [SLOT]: 1, [other]: 1 });
  });
});
