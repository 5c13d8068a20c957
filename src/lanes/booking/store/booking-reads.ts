/** Reading a resource's bookings: one booking, a time range, a member's upcoming ones, seats taken, the waitlist. */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { bookingSchema, type Booking, type Resource, type WaitlistEntry, waitlistEntrySchema } from '../model.ts';
import { resourceKeys, type ResourceKeys } from './keys.ts';

const parseBooking = (json: string): Booking => bookingSchema.parse(JSON.parse(json));

export class BookingReads {
  constructor(
    protected readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** The Redis connection, for maintenance that scans (forgetting a member). */
  get connection(): Redis {
    return this.redis;
  }

  keys(resource: Pick<Resource, 'guildId' | 'id'>): ResourceKeys {
    return resourceKeys(this.prefix, resource.guildId, resource.id);
  }

  async get(resource: Pick<Resource, 'guildId' | 'id'>, bookingId: string): Promise<Booking | undefined> {
    const raw = await this.redis.hget(this.keys(resource).bookings, bookingId);
    return raw === null ? undefined : parseBooking(raw);
  }

  /** Live bookings (confirmed and offered) starting in [from, to), in time order. */
  async between(resource: Pick<Resource, 'guildId' | 'id'>, from: number, to: number): Promise<Booking[]> {
    const k = this.keys(resource);
    const ids = await this.redis.zrangebyscore(k.byStart, from, Number.isFinite(to) ? `(${to}` : '+inf');
    return this.many(k, ids);
  }

  /** A member's upcoming live bookings on a resource. */
  async upcoming(resource: Pick<Resource, 'guildId' | 'id'>, userId: string, now: number): Promise<Booking[]> {
    const k = this.keys(resource);
    const raw = await this.redis.hget(k.members, userId);
    const list = raw === null ? [] : z.array(z.tuple([z.number(), z.string()])).parse(JSON.parse(raw));
    const ids = list.filter(([start]) => start > now).map(([, id]) => id);
    return (await this.many(k, ids)).sort((a, b) => a.start - b.start);
  }

  /** Seats taken per slot start (0 for slots nobody booked). */
  async taken(resource: Pick<Resource, 'guildId' | 'id'>, starts: readonly number[]): Promise<Map<number, number>> {
    if (starts.length === 0) return new Map();
    const values = await this.redis.hmget(this.keys(resource).taken, ...starts.map(String));
    return new Map(starts.map((start, i) => [start, Number(values[i] ?? 0)]));
  }

  async waitlist(resource: Pick<Resource, 'guildId' | 'id'>, start: number): Promise<WaitlistEntry[]> {
    const raw = await this.redis.lrange(this.keys(resource).waitlist(start), 0, -1);
    return raw.map((json) => waitlistEntrySchema.parse(JSON.parse(json)));
  }

  /** Whether the resource has any live booking from `now` on (a resource in use cannot be removed). */
  async hasUpcoming(resource: Pick<Resource, 'guildId' | 'id'>, now: number): Promise<boolean> {
    return (await this.redis.zcount(this.keys(resource).byStart, `(${now}`, '+inf')) > 0;
  }

  private async many(k: ResourceKeys, ids: readonly string[]): Promise<Booking[]> {
    if (ids.length === 0) return [];
    const values = await this.redis.hmget(k.bookings, ...ids);
    return values.flatMap((json) => (json === null ? [] : [parseBooking(json)])).filter((b) => b.status !== 'cancelled');
  }
}
