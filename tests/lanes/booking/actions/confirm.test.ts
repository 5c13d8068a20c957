import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmDraft } from '../../../../src/lanes/booking/actions/confirm.ts';
import { prepareBook } from '../../../../src/lanes/booking/actions/prepare.ts';
import { reminderJobId } from '../../../../src/lanes/booking/reminders/scheduler.ts';
import { fixedClock, restaurant, testServices } from '../helpers.ts';

// Monday 3 June 2030, noon UTC; the restaurant opens 17:00-22:00 UTC.
const clock = fixedClock('2030-06-03T12:00:00Z');
const env = testServices({ clock, config: { reminderOffsetsMin: [60] } });
const { services } = env;
const resource = restaurant({ capacity: 3, name: 'Counter', maxPerMember: 5 });
const SLOT = Date.parse('2030-06-03T18:30:00Z');

beforeAll(async () => {
  expect(await services.resources.save(resource)).toBe('ok');
});
afterAll(() => env.close());

async function draftFor(userId: string, start = SLOT) {
  const prepared = await prepareBook(services, { resource, userId, start, party: 1, name: userId, note: '', locale: 'en' });
  if (!prepared.ok) throw new Error(`no draft for ${userId}`);
  return prepared.draft;
}

describe('confirmDraft', () => {
  it('GIVEN 12 members holding cards for the last 3 seats WHEN all press Confirm at once THEN 3 are booked with reminders and 9 are told the slot is full', async () => {
    const drafts = await Promise.all(Array.from({ length: 12 }, (_, i) => draftFor(`m${i}`)));
    const results = await Promise.all(drafts.map((d, i) => confirmDraft(services, d.id, d.userId, `press-${i}`)));
    const booked = results.flatMap((r) => (r.ok ? [r.booking] : []));
    expect(booked).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused.map((r) => (r.ok ? '' : `${r.problem.key} ${JSON.stringify(r.problem.params)} full=${r.full}`))).toEqual(
      Array.from({ length: 9 }, () => 'refused.full {"free":0,"party":1} full=true'),
    );
    // Every refused member keeps their card's request for the waitlist button; nobody got a half-written booking.
    expect(refused.every((r) => !r.ok && r.request?.kind === 'book')).toBe(true);
    expect((await services.bookings.taken(resource, [SLOT])).get(SLOT)).toBe(3);
    const reminders = (await env.queue.getDelayed()).map((j) => j.id).sort();
    expect(reminders).toEqual(booked.map((b) => reminderJobId(b.id, 60, SLOT)).sort());
  });

  it('GIVEN the same press delivered twice THEN one booking and one reminder, and both answers name it', async () => {
    const other = SLOT + 90 * 60_000;
    const prepared = await prepareBook(services, { resource, userId: 'twice', start: other, party: 2, name: 'T', note: '', locale: 'en' });
    if (!prepared.ok) throw new Error('no draft');
    const first = await confirmDraft(services, prepared.draft.id, 'twice', 'press-x');
    const second = await confirmDraft(services, prepared.draft.id, 'twice', 'press-x');
    expect(first.ok && first.booking.id).toBeTruthy();
    // The draft is gone after the first Confirm: the redelivery is told the card expired, and books nothing.
    expect(second.ok ? 'booked again' : second.problem.key).toBe('refused.draft_expired');
    expect((await services.bookings.taken(resource, [other])).get(other)).toBe(2);
  });

  it('GIVEN a card confirmed by someone else THEN it is refused and the draft stays for its owner', async () => {
    const draft = await draftFor('owner', SLOT - 90 * 60_000);
    const stolen = await confirmDraft(services, draft.id, 'intruder', 'press-y');
    expect(stolen.ok ? 'booked' : stolen.problem.key).toBe('refused.not_yours');
    expect(await services.drafts.get(draft.id)).toBeDefined();
  });
});
