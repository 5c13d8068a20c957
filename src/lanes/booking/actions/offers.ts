/**
 * The waitlist side: joining it, the offer made when seats free up (the member must confirm before a deadline, or
 * the seats go to the next in line), and cancellations made by the staff on a member's behalf.
 */
import type { Booking, Resource, WaitlistEntry } from '../model.ts';
import { newId } from '../model.ts';
import type { BookingServices, Notice } from '../services.ts';
import { loadDraft, newOffer } from './load.ts';
import { type Problem, problem, refusalProblem } from './problem.ts';

/** Longest waitlist of one slot. */
export const MAX_WAITLIST = 50;

/**
 * Starts the deadline of seats just offered to a waitlisted member and tells them (`now`), or returns the notice
 * for the caller to deliver (`return`, used by the reminder worker which reports what it sends).
 */
export async function offerPromoted(
  services: BookingServices,
  resource: Resource,
  promoted: Booking | undefined,
  deliver: 'now' | 'return',
): Promise<Notice[]> {
  if (!promoted) return [];
  await services.reminders.scheduleOfferExpiry(promoted);
  const notice: Notice = { kind: 'offer', booking: promoted, resource };
  if (deliver === 'return') return [notice];
  // Not awaited: the member who cancelled gets their answer without waiting for someone else's DM.
  void notifySafely(services, notice);
  return [];
}

/** A notice that cannot be delivered (DMs and channel closed) must not undo the booking change that caused it. */
async function notifySafely(services: BookingServices, notice: Notice): Promise<void> {
  try {
    await services.notifier.notify(notice);
  } catch (error) {
    services.logger.warn({ err: error, kind: notice.kind, bookingId: notice.booking.id }, 'booking notice not delivered');
  }
}

/** Puts the member of a (full-slot) booking draft on the waitlist; returns their position. */
export async function joinWaitlist(
  services: BookingServices,
  draftId: string,
  userId: string,
): Promise<{ ok: true; position: number; start: number } | { ok: false; problem: Problem }> {
  const loaded = await loadDraft(services, draftId, userId);
  if ('key' in loaded) return { ok: false, problem: loaded };
  const { draft, resource } = loaded;
  const { kind: _kind, slashDate: _slash, bookingId: _booking, previousStart: _previous, ...fields } = draft;
  const entry: WaitlistEntry = { ...fields, id: newId('b'), createdAt: services.clock.now() };
  const joined = await services.bookings.joinWaitlist(resource, entry, services.clock.now(), MAX_WAITLIST);
  if (!joined.ok) return { ok: false, problem: refusalProblem(joined, draft.party) };
  await services.drafts.delete(draft.id);
  return { ok: true, position: joined.position, start: draft.start };
}

interface BookingRef {
  readonly guildId: string;
  readonly resourceId: string;
  readonly bookingId: string;
}

async function resourceOf(services: BookingServices, ref: BookingRef): Promise<Resource | undefined> {
  return services.resources.get(ref.guildId, ref.resourceId);
}

/** The offered member takes the seats. */
export async function acceptOffer(
  services: BookingServices,
  ref: BookingRef,
  userId: string,
): Promise<{ ok: true; booking: Booking; resource: Resource } | { ok: false; problem: Problem }> {
  const resource = await resourceOf(services, ref);
  if (!resource) return { ok: false, problem: problem('refused.missing') };
  const accepted = await services.bookings.accept(resource, ref.bookingId, userId, services.clock.now());
  if (!accepted.ok) return { ok: false, problem: refusalProblem(accepted) };
  await services.reminders.cancelOfferExpiry(accepted.booking);
  await services.reminders.schedule(accepted.booking);
  await services.panels.refresh(resource.guildId, resource.id);
  return { ok: true, booking: accepted.booking, resource };
}

/** The offered member says no: the seats go to the next in line at once. */
export async function declineOffer(
  services: BookingServices,
  ref: BookingRef,
  userId: string,
): Promise<{ ok: true } | { ok: false; problem: Problem }> {
  const resource = await resourceOf(services, ref);
  if (!resource) return { ok: false, problem: problem('refused.missing') };
  const released = await services.bookings.release(resource, ref.bookingId, 'decline', userId, services.clock.now(), newOffer(services));
  if (!released.ok) return { ok: false, problem: refusalProblem(released) };
  await services.reminders.cancelOfferExpiry(released.booking);
  await offerPromoted(services, resource, released.promoted, 'now');
  await services.panels.refresh(resource.guildId, resource.id);
  return { ok: true };
}

/** An offer's deadline passed (run by the reminder worker): frees the seats, returns what to tell whom. */
export async function expireOffer(services: BookingServices, ref: BookingRef): Promise<Notice[]> {
  const resource = await resourceOf(services, ref);
  if (!resource) return [];
  await untilDeadline(services, resource, ref.bookingId);
  const released = await services.bookings.release(resource, ref.bookingId, 'expire', null, services.clock.now(), newOffer(services));
  // Accepted, declined or cancelled in the meantime: nothing to do.
  if (!released.ok) return [];
  await services.panels.refresh(resource.guildId, resource.id);
  const expired: Notice = { kind: 'offer_expired', booking: released.booking, resource };
  return [expired, ...(await offerPromoted(services, resource, released.promoted, 'return'))];
}

/** A delayed job can fire a few milliseconds before its time (its delay was computed on another clock reading). */
const EARLY_TOLERANCE_MS = 2_000;

/** Waits out a deadline that is a moment away; a job far too early fails, and BullMQ retries it later. */
async function untilDeadline(services: BookingServices, resource: Resource, bookingId: string): Promise<void> {
  const booking = await services.bookings.get(resource, bookingId);
  const early = booking?.status === 'offered' ? (booking.offerExpiresAt ?? 0) - services.clock.now() : 0;
  if (early <= 0) return;
  if (early > EARLY_TOLERANCE_MS) throw new Error(`offer deadline of ${bookingId} is ${early} ms away`);
  // Timers may fire a millisecond before Date.now() reaches their time: keep a small margin.
  await new Promise((resolve) => setTimeout(resolve, early + 10));
}

/** Staff cancel a member's booking; the member is told, with the reason. */
export async function adminCancel(
  services: BookingServices,
  ref: BookingRef,
  reason: string,
): Promise<{ ok: true; booking: Booking; resource: Resource } | { ok: false; problem: Problem }> {
  const resource = await resourceOf(services, ref);
  if (!resource) return { ok: false, problem: problem('refused.missing') };
  const released = await services.bookings.release(resource, ref.bookingId, 'cancel', null, services.clock.now(), newOffer(services));
  if (!released.ok) return { ok: false, problem: refusalProblem(released) };
  await services.reminders.unschedule(released.booking);
  await services.reminders.cancelOfferExpiry(released.booking);
  void notifySafely(services, { kind: 'admin_cancelled', booking: released.booking, resource, reason });
  await offerPromoted(services, resource, released.promoted, 'now');
  await services.panels.refresh(resource.guildId, resource.id);
  return { ok: true, booking: released.booking, resource };
}
