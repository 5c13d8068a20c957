/**
 * Slot computation: the bookable start times of a resource on a date, in its time zone. Opening hours are wall-clock
 * times, so a slot's instant is computed per date: on a DST day a slot that does not exist (02:30 when clocks jump
 * to 03:00) is left out, one that happens twice is offered once, and a slot keeps its real length in minutes.
 */
import type { Resource } from './model.ts';
import { addDays, type LocalDate, minutesOf, timeOf, weekdayOf } from './time/civil.ts';
import { instantOf, wallClock } from './time/zone.ts';

const MINUTE_MS = 60_000;

/** One bookable slot. `date` is the business day it belongs to (an after-midnight slot belongs to the evening before). */
export interface Slot {
  readonly start: number;
  readonly end: number;
  readonly date: LocalDate;
  /** The wall-clock start, `HH:MM`. */
  readonly time: string;
}

/** Start minutes (from the date's midnight, may pass 24:00) of the regular slots and the extra ones. */
function startMinutes(resource: Resource, date: LocalDate): number[] {
  if (resource.exceptions.some((e) => e.kind === 'closed' && e.date === date)) return [];
  const starts = new Set<number>();
  for (const range of resource.hours[weekdayOf(date)] ?? []) {
    const open = minutesOf(range.open);
    let close = minutesOf(range.close);
    if (close <= open) close += 1440;
    for (let start = open; start + resource.slotMinutes <= close; start += resource.slotMinutes + resource.bufferMinutes) {
      starts.add(start);
    }
  }
  for (const extra of resource.exceptions) if (extra.kind === 'extra' && extra.date === date) starts.add(minutesOf(extra.time));
  return [...starts].sort((a, b) => a - b);
}

/** The slots of a business day, in time order. */
export function daySlots(resource: Resource, date: LocalDate, timeZone: string): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<number>();
  for (const minutes of startMinutes(resource, date)) {
    const start = instantOf(date, minutes, timeZone);
    if (start === null || seen.has(start)) continue;
    seen.add(start);
    slots.push({ start, end: start + resource.slotMinutes * MINUTE_MS, date, time: timeOf(minutes) });
  }
  return slots;
}

/** The slot starting exactly at an instant, if the resource has one (looked up on that day and the day before). */
export function slotAt(resource: Resource, start: number, timeZone: string): Slot | undefined {
  const day = wallClock(start, timeZone).date;
  return [...daySlots(resource, addDays(day, -1), timeZone), ...daySlots(resource, day, timeZone)].find((s) => s.start === start);
}

/** Why a slot cannot be booked now. */
export type SlotRefusal = 'past' | 'cutoff' | 'beyond_horizon' | 'no_such_slot';

/** Checks a start time against the resource's slots, the cut-off and the horizon. */
export function checkSlot(resource: Resource, start: number, now: number, timeZone: string): Slot | SlotRefusal {
  if (start <= now) return 'past';
  const slot = slotAt(resource, start, timeZone);
  if (!slot) return 'no_such_slot';
  if (start - now < resource.cutoffMinutes * MINUTE_MS) return 'cutoff';
  if (slot.date > addDays(wallClock(now, timeZone).date, resource.horizonDays)) return 'beyond_horizon';
  return slot;
}

/** Slots still bookable (after the cut-off, within the horizon) on a day. */
export function openSlots(resource: Resource, date: LocalDate, now: number, timeZone: string): Slot[] {
  // The same rules as checkSlot, without looking each slot up again (panels list hundreds).
  const lastDay = addDays(wallClock(now, timeZone).date, resource.horizonDays);
  if (date > lastDay) return [];
  return daySlots(resource, date, timeZone).filter((slot) => slot.start > now && slot.start - now >= resource.cutoffMinutes * MINUTE_MS);
}

/** The business days from today through the horizon that have at least one bookable slot, at most `limit`. */
export function bookableDays(resource: Resource, now: number, timeZone: string, limit: number): LocalDate[] {
  const today = wallClock(now, timeZone).date;
  const days: LocalDate[] = [];
  for (let offset = -1; offset <= resource.horizonDays && days.length < limit; offset++) {
    const date = addDays(today, offset);
    if (openSlots(resource, date, now, timeZone).length > 0) days.push(date);
  }
  return days;
}
