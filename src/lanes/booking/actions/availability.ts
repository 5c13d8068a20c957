/** Free seats per slot, for panels, autocomplete and "nearest free times" suggestions. */
import type { Resource } from '../model.ts';
import type { BookingServices } from '../services.ts';
import { bookableDays, openSlots, type Slot } from '../slots.ts';
import { addDays, type LocalDate } from '../time/civil.ts';
import { wallClock } from '../time/zone.ts';

/** A slot and its free places. */
export interface SlotWithFree extends Slot {
  readonly free: number;
}

/** The bookable slots of a day with their free seats. */
export async function dayAvailability(services: BookingServices, resource: Resource, date: LocalDate): Promise<SlotWithFree[]> {
  const timeZone = await services.resources.timeZoneOf(resource);
  const slots = openSlots(resource, date, services.clock.now(), timeZone);
  const taken = await services.bookings.taken(
    resource,
    slots.map((s) => s.start),
  );
  return slots.map((slot) => ({ ...slot, free: Math.max(0, resource.capacity - (taken.get(slot.start) ?? 0)) }));
}

/** Bookable days (at most `limit`) with the free seats summed over their slots. */
export async function daysAvailability(
  services: BookingServices,
  resource: Resource,
  limit: number,
): Promise<{ date: LocalDate; free: number }[]> {
  const timeZone = await services.resources.timeZoneOf(resource);
  const days = bookableDays(resource, services.clock.now(), timeZone, limit);
  return Promise.all(
    days.map(async (date) => ({ date, free: (await dayAvailability(services, resource, date)).reduce((sum, s) => sum + s.free, 0) })),
  );
}

/**
 * The free slots closest in time to `start` that fit `party`, in time order (looked for from the day before to two
 * days after). The slot at `start` itself is left out unless `includeStart` (autocomplete offers it; a refusal does not).
 */
export async function nearestFree(
  services: BookingServices,
  resource: Resource,
  start: number,
  party: number,
  options: { limit?: number; includeStart?: boolean } = {},
): Promise<SlotWithFree[]> {
  const timeZone = await services.resources.timeZoneOf(resource);
  const day = wallClock(start, timeZone).date;
  const candidates = (await Promise.all([-1, 0, 1, 2].map((offset) => dayAvailability(services, resource, addDays(day, offset))))).flat();
  return candidates
    .filter((slot) => (options.includeStart || slot.start !== start) && slot.free >= party)
    .sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start))
    .slice(0, options.limit ?? services.config.suggestions)
    .sort((a, b) => a.start - b.start);
}
