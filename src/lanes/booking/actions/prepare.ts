/**
 * Turning a request into a draft for the confirmation card, after checking everything that can be checked before
 * Confirm: the slot exists and is open, the party fits, there is room. Nothing is booked here.
 */
import type { Booking, Locale, Resource } from '../model.ts';
import { newId } from '../model.ts';
import type { BookingServices } from '../services.ts';
import { checkSlot } from '../slots.ts';
import type { Draft } from '../store/drafts.ts';
import { localLabel } from '../time/zone.ts';
import { nearestFree, type SlotWithFree } from './availability.ts';
import { type Problem, problem } from './problem.ts';

/** Everything a booking needs except the seats check. */
export interface BookRequest {
  readonly resource: Resource;
  readonly userId: string;
  readonly start: number;
  readonly party: number;
  readonly name: string;
  readonly note: string;
  readonly locale: Locale;
  readonly channelId?: string;
  readonly slashDate?: Draft['slashDate'];
}

/** A draft for the card, or why not. */
export type Prepared =
  | { readonly ok: true; readonly draft: Draft; readonly resource: Resource }
  | {
      readonly ok: false;
      readonly problem: Problem;
      readonly resource?: Resource;
      /** Free slots near the one asked for. */
      readonly suggestions: readonly SlotWithFree[];
      /** The request as asked, saved: alternatives and the waitlist button start from it. */
      readonly request?: Draft;
      /** Whether the slot is full (so the waitlist can be offered). */
      readonly full?: boolean;
    };

/** Checks a slot for a party; a problem when it cannot be booked at all (whatever the seats). */
export async function slotProblem(
  services: BookingServices,
  resource: Resource,
  start: number,
  party: number,
): Promise<Problem | undefined> {
  if (!Number.isInteger(party) || party < 1) return problem('refused.party_invalid');
  if (party > resource.capacity) return problem('refused.party_too_large', { capacity: resource.capacity });
  const timeZone = await services.resources.timeZoneOf(resource);
  const checked = checkSlot(resource, start, services.clock.now(), timeZone);
  if (typeof checked !== 'string') return undefined;
  const label = localLabel(start, timeZone);
  if (checked === 'cutoff') return problem('refused.cutoff', { minutes: resource.cutoffMinutes });
  if (checked === 'beyond_horizon') return problem('refused.beyond_horizon', { days: resource.horizonDays });
  if (checked === 'no_such_slot') return problem('refused.no_such_slot', { date: label.date, time: label.time });
  return problem('refused.past');
}

function draftOf(services: BookingServices, request: BookRequest, kind: Draft['kind'], extra: Partial<Draft> = {}): Draft {
  const { resource } = request;
  return {
    id: newId('d'),
    kind,
    guildId: resource.guildId,
    userId: request.userId,
    resourceId: resource.id,
    start: request.start,
    end: request.start + resource.slotMinutes * 60_000,
    party: request.party,
    name: request.name,
    note: request.note,
    locale: request.locale,
    ...(request.channelId ? { channelId: request.channelId } : {}),
    ...(request.slashDate ? { slashDate: request.slashDate } : {}),
    createdAt: services.clock.now(),
    ...extra,
  };
}

async function refuse(
  services: BookingServices,
  request: BookRequest,
  kind: Draft['kind'],
  found: Problem,
  full: boolean,
  extra: Partial<Draft> = {},
): Promise<Prepared> {
  const saved = await services.drafts.save(draftOf(services, request, kind, extra));
  const suggestions = await nearestFree(services, request.resource, request.start, request.party);
  return { ok: false, problem: found, resource: request.resource, suggestions, request: saved, full };
}

/** A booking draft, or why not (with nearby free slots and, for a full slot, the waitlist). */
export async function prepareBook(services: BookingServices, request: BookRequest): Promise<Prepared> {
  const found = await slotProblem(services, request.resource, request.start, request.party);
  if (found) return refuse(services, request, 'book', found, false);
  const taken = (await services.bookings.taken(request.resource, [request.start])).get(request.start) ?? 0;
  const free = request.resource.capacity - taken;
  if (request.party > free)
    return refuse(services, request, 'book', problem('refused.full', { free: Math.max(0, free), party: request.party }), true);
  return { ok: true, draft: await services.drafts.save(draftOf(services, request, 'book')), resource: request.resource };
}

function requestOf(resource: Resource, booking: Booking, start: number): BookRequest {
  const { userId, party, name, note, locale, channelId } = booking;
  return { resource, userId, start, party, name, note, locale, ...(channelId ? { channelId } : {}) };
}

/** A draft moving `booking` to `start` (same resource), or why not. */
export async function prepareMove(services: BookingServices, resource: Resource, booking: Booking, start: number): Promise<Prepared> {
  const request = requestOf(resource, booking, start);
  const extra = { bookingId: booking.id, previousStart: booking.start };
  if (start === booking.start) return { ok: false, problem: problem('refused.same'), resource, suggestions: [] };
  const found = await slotProblem(services, resource, start, booking.party);
  if (found) return refuse(services, request, 'move', found, false, extra);
  const taken = (await services.bookings.taken(resource, [start])).get(start) ?? 0;
  if (booking.party > resource.capacity - taken)
    return refuse(
      services,
      request,
      'move',
      problem('refused.full', { free: Math.max(0, resource.capacity - taken), party: booking.party }),
      false,
      extra,
    );
  return { ok: true, draft: await services.drafts.save(draftOf(services, request, 'move', extra)), resource };
}

/** A draft cancelling `booking`: cancelling is confirmed on a card too. */
export async function prepareCancel(services: BookingServices, resource: Resource, booking: Booking): Promise<Prepared> {
  const request = requestOf(resource, booking, booking.start);
  return { ok: true, draft: await services.drafts.save(draftOf(services, request, 'cancel', { bookingId: booking.id })), resource };
}
