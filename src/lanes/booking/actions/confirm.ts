/**
 * Confirm on a card: the only way a draft becomes a booking, a move or a cancellation. The store does it in one
 * atomic step keyed by the interaction id; this adds the side effects (reminders, panels, waitlist offers).
 */
import type { Booking, Resource } from '../model.ts';
import { newId } from '../model.ts';
import type { BookingServices } from '../services.ts';
import type { Draft } from '../store/drafts.ts';
import { nearestFree, type SlotWithFree } from './availability.ts';
import { loadDraft, newOffer } from './load.ts';
import { offerPromoted } from './offers.ts';
import { type Problem, problem, refusalProblem } from './problem.ts';
import { slotProblem } from './prepare.ts';

/** What Confirm did: the booking (booked, moved or cancelled), or why not with ways out. */
export type Confirmed =
  | {
      readonly ok: true;
      readonly kind: Draft['kind'];
      readonly booking: Booking;
      readonly resource: Resource;
      readonly previousStart?: number;
    }
  | {
      readonly ok: false;
      readonly problem: Problem;
      readonly suggestions: readonly SlotWithFree[];
      readonly request?: Draft;
      readonly full?: boolean;
      readonly resource?: Resource;
    };

const failed = (found: Problem): Confirmed => ({ ok: false, problem: found, suggestions: [] });

/** Carries out a draft. `key` (the interaction id) makes a redelivered press a no-op that answers the same. */
export async function confirmDraft(services: BookingServices, draftId: string, userId: string, key: string): Promise<Confirmed> {
  const loaded = await loadDraft(services, draftId, userId);
  if ('key' in loaded) return failed(loaded);
  const { draft, resource } = loaded;
  const outcome =
    draft.kind === 'book'
      ? await book(services, draft, resource, key)
      : draft.kind === 'move'
        ? await move(services, draft, resource, key)
        : await cancel(services, draft, resource);
  if (outcome.ok) {
    await services.drafts.delete(draft.id);
    await services.panels.refresh(resource.guildId, resource.id);
  }
  return outcome;
}

async function book(services: BookingServices, draft: Draft, resource: Resource, key: string): Promise<Confirmed> {
  const found = await slotProblem(services, resource, draft.start, draft.party);
  if (found) return failed(found);
  const now = services.clock.now();
  const { id: _draftId, kind: _kind, slashDate: _slash, bookingId: _booking, previousStart: _previous, ...fields } = draft;
  const booking: Booking = { ...fields, id: newId('b'), status: 'confirmed', createdAt: now };
  const stored = await services.bookings.book(resource, booking, key, now, services.config.idempotencyTtlSec);
  if (!stored.ok) {
    const full = stored.reason === 'full';
    const suggestions = full ? await nearestFree(services, resource, draft.start, draft.party) : [];
    return { ok: false, problem: refusalProblem(stored, draft.party), suggestions, request: draft, full, resource };
  }
  if (!stored.duplicate) await services.reminders.schedule(stored.booking);
  return { ok: true, kind: 'book', booking: stored.booking, resource };
}

async function move(services: BookingServices, draft: Draft, resource: Resource, key: string): Promise<Confirmed> {
  const found = await slotProblem(services, resource, draft.start, draft.party);
  if (found) return failed(found);
  const before = draft.bookingId ? await services.bookings.get(resource, draft.bookingId) : undefined;
  if (!before || !draft.bookingId) return failed(problem('refused.missing'));
  const slot = { start: draft.start, end: draft.end };
  const moved = await services.bookings.move(
    resource,
    draft.bookingId,
    draft.userId,
    slot,
    services.clock.now(),
    newOffer(services),
    key,
    services.config.idempotencyTtlSec,
  );
  if (!moved.ok) {
    const suggestions = moved.reason === 'full' ? await nearestFree(services, resource, draft.start, draft.party) : [];
    return { ok: false, problem: refusalProblem(moved, draft.party), suggestions, request: draft, resource };
  }
  if (!moved.duplicate) {
    await services.reminders.unschedule(before);
    await services.reminders.schedule(moved.booking);
  }
  await offerPromoted(services, resource, moved.promoted, 'now');
  return { ok: true, kind: 'move', booking: moved.booking, resource, previousStart: before.start };
}

async function cancel(services: BookingServices, draft: Draft, resource: Resource): Promise<Confirmed> {
  if (!draft.bookingId) return failed(problem('refused.missing'));
  const released = await services.bookings.release(
    resource,
    draft.bookingId,
    'cancel',
    draft.userId,
    services.clock.now(),
    newOffer(services),
  );
  if (!released.ok) return failed(refusalProblem(released));
  await services.reminders.unschedule(released.booking);
  await services.reminders.cancelOfferExpiry(released.booking);
  await offerPromoted(services, resource, released.promoted, 'now');
  return { ok: true, kind: 'cancel', booking: released.booking, resource };
}
