import type { Job, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminderWorker, type ReminderResult } from '../../../../src/lanes/booking/reminders/worker.ts';
import { offerJobId, reminderJobId } from '../../../../src/lanes/booking/reminders/scheduler.ts';
import { newId } from '../../../../src/lanes/booking/model.ts';
import { bookingOf, restaurant, testServices } from '../helpers.ts';

const env = testServices({ config: { reminderOffsetsMin: [1] } });
const { services, notifier } = env;
let worker: Worker;

/** Resolves with the job's result when the worker finishes the job with this id. */
function finished(jobId: string): Promise<ReminderResult> {
  return new Promise((resolve, reject) => {
    const onDone = (job: Job, result: ReminderResult) => job.id === jobId && resolve(result);
    worker.on('completed', onDone);
    worker.on('failed', (job, error) => job?.id === jobId && reject(error));
  });
}

beforeAll(async () => {
  worker = createReminderWorker({
    queueName: env.queueName,
    queuePrefix: env.prefix,
    connection: env.redis.duplicate({ maxRetriesPerRequest: null }),
    redis: env.redis,
    keyPrefix: env.prefix,
    services,
  });
  await worker.waitUntilReady();
});
afterAll(async () => {
  await worker.close();
  await env.close();
});

/** A booking whose 1-minute reminder falls due `dueInMs` from now. */
async function bookSoon(userId: string, dueInMs: number) {
  const resource = restaurant({ name: `Table of ${userId}` });
  expect(await services.resources.save(resource)).toBe('ok');
  const booking = bookingOf(resource, userId, Date.now() + 60_000 + dueInMs);
  const stored = await services.bookings.book(resource, booking, `i-${userId}`, Date.now(), 60);
  expect(stored.ok).toBe(true);
  return { resource, booking };
}

describe('reminders', () => {
  it('GIVEN a booking scheduled twice THEN one delayed job exists and exactly one reminder is delivered', async () => {
    const { booking } = await bookSoon('alice', 400);
    await services.reminders.schedule(booking);
    await services.reminders.schedule(booking);
    const jobId = reminderJobId(booking.id, 1, booking.start);
    expect((await env.queue.getDelayed()).filter((j) => j.data.bookingId === booking.id).map((j) => j.id)).toEqual([jobId]);
    const result = await finished(jobId);
    expect(result.delivered).toEqual([{ kind: 'reminder', bookingId: booking.id, userId: 'alice' }]);
    expect(notifier.notices.filter((n) => n.booking.id === booking.id).map((n) => n.kind)).toEqual(['reminder']);
  });

  it('GIVEN a cancel that races the job (reminder not removed) THEN the job re-reads the booking and sends nothing', async () => {
    const { resource, booking } = await bookSoon('bob', 400);
    await services.reminders.schedule(booking);
    const done = finished(reminderJobId(booking.id, 1, booking.start));
    await services.bookings.release(resource, booking.id, 'cancel', 'bob', Date.now(), { id: newId('b'), expiresAt: Date.now() });
    expect((await done).delivered).toEqual([]);
    expect(notifier.notices.some((n) => n.booking.id === booking.id)).toBe(false);
  });

  it('GIVEN a move THEN the old slot’s reminder job is removed and one for the new slot is scheduled', async () => {
    const { booking } = await bookSoon('carol', 3_600_000);
    await services.reminders.schedule(booking);
    const moved = { ...booking, start: booking.start + 90 * 60_000 };
    await services.reminders.unschedule(booking);
    await services.reminders.schedule(moved);
    expect(await env.queue.getJob(reminderJobId(booking.id, 1, booking.start))).toBeUndefined();
    expect((await env.queue.getJob(reminderJobId(booking.id, 1, moved.start)))?.data).toMatchObject({ start: moved.start });
  });

  it('GIVEN an offer to the first waiting member that runs out THEN the next one is offered the place and both are told', async () => {
    const resource = restaurant({ capacity: 1, name: 'Counter' });
    expect(await services.resources.save(resource)).toBe('ok');
    const start = Date.now() + 86_400_000;
    const taken = bookingOf(resource, 'dave', start);
    await services.bookings.book(resource, taken, 'i-dave', Date.now(), 60);
    await services.bookings.joinWaitlist(resource, bookingOf(resource, 'erin', start), Date.now(), 10);
    await services.bookings.joinWaitlist(resource, bookingOf(resource, 'frank', start), Date.now(), 10);
    const released = await services.bookings.release(resource, taken.id, 'cancel', 'dave', Date.now(), {
      id: newId('b'),
      expiresAt: Date.now() + 300,
    });
    expect(released.ok && released.promoted?.userId).toBe('erin');
    const offered = released.ok ? released.promoted : undefined;
    if (!offered) throw new Error('no offer');
    const done = finished(offerJobId(offered.id));
    await services.reminders.scheduleOfferExpiry(offered);
    const result = await done;
    expect(result.delivered.map((d) => [d.kind, d.userId])).toEqual([
      ['offer_expired', 'erin'],
      ['offer', 'frank'],
    ]);
    const next = notifier.notices.find((n) => n.kind === 'offer' && n.booking.userId === 'frank')?.booking;
    expect(next?.status).toBe('offered');
    expect(await env.queue.getJob(offerJobId(next?.id ?? ''))).toBeDefined();
    expect((await services.bookings.get(resource, offered.id))?.status).toBe('cancelled');
  });
});
