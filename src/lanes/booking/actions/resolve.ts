/** From a parsed date and time of day to the instant of a slot, in the resource's zone. */
import type { Resource } from '../model.ts';
import type { ParsedRequest } from '../nl/parse.ts';
import { checkSlot } from '../slots.ts';
import type { LocalDate } from '../time/civil.ts';
import { instantOf } from '../time/zone.ts';

/**
 * The start instant for `date` at `minutes`. When the hour could be morning or evening ("7", 「8時」), the one
 * that is a bookable slot wins, then one that is a slot at all (a restaurant open 17-22 reads "7" as 19:00, office
 * hours 9-17 read "2" as 14:00). A wall-clock time skipped by DST resolves to the time after the jump.
 */
export function resolveStart(
  resource: Resource,
  date: LocalDate,
  minutes: number,
  ambiguous: boolean,
  now: number,
  timeZone: string,
): number {
  const options = ambiguous ? [minutes, minutes + 12 * 60] : [minutes];
  const instants = options.map((m) => instantOf(date, m, timeZone, 'later') ?? 0);
  const verdicts = instants.map((start) => checkSlot(resource, start, now, timeZone));
  const bookable = verdicts.findIndex((v) => typeof v !== 'string');
  if (bookable >= 0) return instants[bookable] ?? 0;
  const exists = verdicts.findIndex((v) => v !== 'no_such_slot');
  return instants[Math.max(0, exists)] ?? 0;
}

/** Fields of a parse that were found (drops the absent ones, so they never overwrite remembered answers). */
export function foundFields(parsed: ParsedRequest): ParsedRequest {
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
}
