/**
 * Bookings of one resource: every change is one Lua script (store/lua.ts), so capacity, the member's limit and the
 * idempotency key are checked and the booking, counters and indexes written in one atomic step, or nothing is.
 */
import { z } from 'zod';
import { bookingSchema, type Booking, type Resource, type WaitlistEntry, waitlistEntrySchema } from '../model.ts';
import { BookingReads } from './booking-reads.ts';
import { ACCEPT, BOOK, JOIN_WAITLIST, MOVE, PRUNE, RELEASE } from './lua.ts';
import { luaScript, runScript } from './script.ts';

const scripts = {
  book: luaScript(BOOK),
  release: luaScript(RELEASE),
  prune: luaScript(PRUNE),
  move: luaScript(MOVE),
  accept: luaScript(ACCEPT),
  join: luaScript(JOIN_WAITLIST),
};

/** Why a booking change was refused; the surfaces turn each into a message. */
export type Refusal =
  | { readonly reason: 'full'; readonly free: number }
  | { readonly reason: 'limit'; readonly count: number }
  | { readonly reason: 'already' | 'missing' | 'forbidden' | 'not_offered' | 'not_expired' | 'expired' | 'same' | 'not_confirmed' }
  | { readonly reason: 'available' | 'already_waiting' | 'waitlist_full' };

export type Outcome<T> = ({ readonly ok: true } & T) | ({ readonly ok: false } & Refusal);

/** Seats freed by a cancel or move that went to the first fitting member of the waitlist. */
export interface Promotion {
  readonly promoted?: Booking;
}

/** The offer made to a waitlisted member when seats free up: a fresh booking id and its deadline. */
export interface Offer {
  readonly id: string;
  readonly expiresAt: number;
}

export type ReleaseMode = 'cancel' | 'decline' | 'expire';

function refusal(reply: readonly string[]): Refusal {
  const [reason = '', detail = '0'] = reply;
  if (reason === 'full') return { reason, free: Number(detail) };
  if (reason === 'limit') return { reason, count: Number(detail) };
  return {
    reason: z
      .enum([
        'already',
        'missing',
        'forbidden',
        'not_offered',
        'not_expired',
        'expired',
        'same',
        'not_confirmed',
        'available',
        'already_waiting',
        'waitlist_full',
      ])
      .parse(reason),
  };
}

const parseBooking = (json: string): Booking => bookingSchema.parse(JSON.parse(json));

export class BookingStore extends BookingReads {
  /** Books `booking` (status confirmed) if the slot has room and the member is under their limit; `key` makes it idempotent. */
  async book(
    resource: Resource,
    booking: Booking,
    key: string,
    now: number,
    keyTtlSec: number,
  ): Promise<Outcome<{ booking: Booking; duplicate: boolean }>> {
    const k = this.keys(resource);
    const start = String(booking.start);
    const args = [
      start,
      booking.party,
      resource.capacity,
      resource.maxPerMember,
      now,
      booking.id,
      JSON.stringify(booking),
      keyTtlSec,
      booking.userId,
    ];
    const reply = await runScript(this.redis, scripts.book, [k.taken, k.bookings, k.byStart, k.members, k.idempotency(key)], args);
    if (reply[0] === 'ok') return { ok: true, booking, duplicate: false };
    if (reply[0] === 'duplicate') {
      const existing = await this.get(resource, reply[1] ?? '');
      if (existing) return { ok: true, booking: existing, duplicate: true };
      return { ok: false, reason: 'missing' };
    }
    return { ok: false, ...refusal(reply) };
  }

  /** Cancels, declines or expires a booking and offers the freed seats to the waitlist. `actor` null = an admin. */
  async release(
    resource: Resource,
    bookingId: string,
    mode: ReleaseMode,
    actor: string | null,
    now: number,
    offer: Offer,
  ): Promise<Outcome<{ booking: Booking } & Promotion>> {
    // The booking's slot names the waitlist key; a concurrent move changes it, so re-read and retry.
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(resource, bookingId);
      if (!current || current.status === 'cancelled') return { ok: false, reason: 'missing' };
      const k = this.keys(resource);
      const args = [bookingId, mode, actor ?? '', now, String(current.start), resource.capacity, offer.id, offer.expiresAt];
      const reply = await runScript(
        this.redis,
        scripts.release,
        [k.taken, k.bookings, k.byStart, k.members, k.waitlist(current.start), k.ended],
        args,
      );
      if (reply[0] === 'moved') continue;
      if (reply[0] !== 'ok') return { ok: false, ...refusal(reply) };
      return { ok: true, booking: parseBooking(reply[2] ?? ''), ...(await this.promotion(resource, reply[1])) };
    }
    throw new Error(`booking ${bookingId} kept moving while being released`);
  }

  /** Moves a confirmed booking to `slot` (same resource), then offers its old seats to the old slot's waitlist. */
  async move(
    resource: Resource,
    bookingId: string,
    actor: string,
    slot: { start: number; end: number },
    now: number,
    offer: Offer,
    key: string,
    keyTtlSec: number,
  ): Promise<Outcome<{ booking: Booking; duplicate: boolean } & Promotion>> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(resource, bookingId);
      if (!current || current.status === 'cancelled') return { ok: false, reason: 'missing' };
      const k = this.keys(resource);
      const args = [
        bookingId,
        actor,
        now,
        String(current.start),
        String(slot.start),
        slot.end,
        resource.capacity,
        offer.id,
        offer.expiresAt,
        keyTtlSec,
      ];
      const reply = await runScript(
        this.redis,
        scripts.move,
        [k.taken, k.bookings, k.byStart, k.members, k.waitlist(current.start), k.idempotency(key)],
        args,
      );
      if (reply[0] === 'moved') continue;
      if (reply[0] === 'duplicate') return { ok: true, booking: current, duplicate: true };
      if (reply[0] !== 'ok') return { ok: false, ...refusal(reply) };
      return { ok: true, booking: parseBooking(reply[2] ?? ''), duplicate: false, ...(await this.promotion(resource, reply[1])) };
    }
    throw new Error(`booking ${bookingId} kept moving while being moved`);
  }

  /** The waitlisted member takes the seats offered to them. */
  async accept(resource: Resource, bookingId: string, actor: string, now: number): Promise<Outcome<{ booking: Booking }>> {
    const reply = await runScript(this.redis, scripts.accept, [this.keys(resource).bookings], [bookingId, actor, now]);
    if (reply[0] !== 'ok') return { ok: false, ...refusal(reply) };
    return { ok: true, booking: parseBooking(reply[1] ?? '') };
  }

  /** Adds a member to a full slot's waitlist; `position` counts from 1. */
  async joinWaitlist(resource: Resource, entry: WaitlistEntry, now: number, maxLength: number): Promise<Outcome<{ position: number }>> {
    const k = this.keys(resource);
    const args = [
      JSON.stringify(waitlistEntrySchema.parse(entry)),
      entry.userId,
      String(entry.start),
      resource.capacity,
      entry.party,
      now,
      maxLength,
    ];
    const reply = await runScript(this.redis, scripts.join, [k.taken, k.members, k.waitlist(entry.start)], args);
    if (reply[0] !== 'ok') return { ok: false, ...refusal(reply) };
    return { ok: true, position: Number(reply[1]) };
  }

  /** Deletes bookings whose slot started before `cutoff` (the retention limit), at most `batch` per call and index. */
  async prune(resource: Pick<Resource, 'guildId' | 'id'>, cutoff: number, batch = 500): Promise<number> {
    const k = this.keys(resource);
    const reply = await runScript(this.redis, scripts.prune, [k.taken, k.bookings, k.byStart, k.ended], [cutoff, batch]);
    return Number(reply[1] ?? 0);
  }

  private async promotion(resource: Resource, promotedId: string | undefined): Promise<Promotion> {
    if (!promotedId) return {};
    const promoted = await this.get(resource, promotedId);
    return promoted ? { promoted } : {};
  }
}
