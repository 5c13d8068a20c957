/**
 * Redis key names of the booking lane. Every key a booking script touches carries the resource in a `{hash tag}`,
 * so all of them live on one Redis Cluster node and one Lua script can check and write them together.
 */

/** Keys of one resource's bookings (all in one hash slot). */
export interface ResourceKeys {
  /** Hash: slot start (ms) -> seats taken (confirmed + offered). */
  readonly taken: string;
  /** Hash: booking id -> booking JSON (cancelled ones stay, marked, for reminders that race a cancel). */
  readonly bookings: string;
  /** Sorted set: booking id scored by slot start, for listing and export. */
  readonly byStart: string;
  /** Sorted set: cancelled booking ids scored by slot start, kept for reminders that race a cancel, until retention. */
  readonly ended: string;
  /** Hash: member id -> JSON `[[start, bookingId], …]` of their live bookings, for the per-member limit. */
  readonly members: string;
  /** List of waitlist entries (JSON) for a slot, first come first served. */
  waitlist(start: number): string;
  /** A SCAN pattern matching every waitlist of the resource. */
  readonly waitlists: string;
  /** Remembers which booking an idempotency key (an interaction id) made. */
  idempotency(key: string): string;
}

export function resourceKeys(prefix: string, guildId: string, resourceId: string): ResourceKeys {
  const tag = `${prefix}:bk:{${guildId}:${resourceId}}`;
  return {
    taken: `${tag}:taken`,
    bookings: `${tag}:bookings`,
    byStart: `${tag}:by-start`,
    members: `${tag}:members`,
    ended: `${tag}:ended`,
    waitlist: (start) => `${tag}:wait:${start}`,
    waitlists: `${tag}:wait:*`,
    idempotency: (key) => `${tag}:idem:${key}`,
  };
}

/** Keys of a server's setup: settings, resources and panels (read often, written by admins). */
export function guildKeys(prefix: string, guildId: string): { settings: string; resources: string; panels: string } {
  const base = `${prefix}:bk:guild:${guildId}`;
  return { settings: `${base}:settings`, resources: `${base}:resources`, panels: `${base}:panels` };
}

/** Hash: resource id -> server id, for buttons pressed in DMs (a waitlist offer), where Discord names no server. */
export function resourceGuildKey(prefix: string): string {
  return `${prefix}:bk:resource-guild`;
}

/** A draft shown on a confirmation card, waiting for Confirm. */
export function draftKey(prefix: string, draftId: string): string {
  return `${prefix}:bk:draft:${draftId}`;
}

/** A member's half-finished booking conversation in one place (a channel or their DMs). */
export function conversationKey(prefix: string, scope: string, userId: string): string {
  return `${prefix}:bk:conv:${scope}:${userId}`;
}
