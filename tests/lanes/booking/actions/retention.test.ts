import { afterAll, describe, expect, it } from 'vitest';
import { pruneAll } from '../../../../src/lanes/booking/actions/retention.ts';
import { newId } from '../../../../src/lanes/booking/model.ts';
import { bookingOf, fixedClock, restaurant, testServices } from '../helpers.ts';

const clock = fixedClock('2030-06-03T12:00:00Z');
const env = testServices({ clock, config: { retentionDays: 30 } });
const { services } = env;
afterAll(() => env.close());

const at = (iso: string) => Date.parse(iso);
const LONG_AGO = at('2030-03-01T00:00:00Z');

describe('retention', () => {
  it('GIVEN bookings older than the retention limit, live or cancelled THEN the daily prune deletes them and keeps the rest', async () => {
    const resource = restaurant({ maxPerMember: 10 });
    expect(await services.resources.save(resource)).toBe('ok');
    const old = bookingOf(resource, 'a', at('2030-04-01T17:00:00Z'));
    const oldCancelled = bookingOf(resource, 'b', at('2030-04-02T17:00:00Z'));
    const recent = bookingOf(resource, 'c', at('2030-05-20T17:00:00Z'));
    const future = bookingOf(resource, 'd', at('2030-06-10T17:00:00Z'));
    for (const booking of [old, oldCancelled, recent, future]) {
      expect((await services.bookings.book(resource, booking, `k-${booking.id}`, LONG_AGO, 60)).ok).toBe(true);
    }
    await services.bookings.release(resource, oldCancelled.id, 'cancel', 'b', LONG_AGO, { id: newId('b'), expiresAt: LONG_AGO });

    expect(await pruneAll(services)).toBe(2);
    expect(await services.bookings.get(resource, old.id)).toBeUndefined();
    expect(await services.bookings.get(resource, oldCancelled.id)).toBeUndefined();
    expect((await services.bookings.get(resource, recent.id))?.status).toBe('confirmed');
    expect((await services.bookings.get(resource, future.id))?.status).toBe('confirmed');
    expect(await env.redis.hkeys(services.bookings.keys(resource).taken)).toEqual([String(recent.start), String(future.start)]);
    expect(await pruneAll(services)).toBe(0);
  });

  it('GIVEN the prune job scheduled on every start THEN one daily scheduler exists', async () => {
    await services.reminders.schedulePrune();
    await services.reminders.schedulePrune();
    const schedulers = await env.queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([['booking-prune', 86_400_000]]);
  });
});
