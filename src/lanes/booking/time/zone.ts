/**
 * IANA time zones with the platform's `Intl` data (no library): the wall clock of an instant, and the instant of a
 * wall-clock time. Around DST a wall-clock time can be missing (spring forward: 02:30 in New York) or happen twice
 * (fall back: 01:30); {@link instantOf} says so instead of guessing silently.
 */
import { addDays, type LocalDate, localDate, timeOf, type Weekday, weekdayOf } from './civil.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether the platform knows this IANA zone name (e.g. `Asia/Tokyo`). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** What a clock on the wall in `timeZone` shows at an instant. */
export interface WallClock {
  readonly date: LocalDate;
  /** Minutes since local midnight, 0-1439. */
  readonly minutes: number;
  readonly weekday: Weekday;
}

export function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instantMs))
      .map((p) => [p.type, p.value]),
  );
  const date = localDate(Number(parts.year), Number(parts.month), Number(parts.day));
  return { date, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday: weekdayOf(date) };
}

/** The zone's offset from UTC at an instant, in minutes (Tokyo +540, New York -300 or -240). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const wall = wallClock(instantMs, timeZone);
  const wallAsUtc = Date.parse(`${wall.date}T00:00:00Z`) + wall.minutes * MINUTE_MS;
  return Math.round((wallAsUtc - (instantMs - (instantMs % MINUTE_MS))) / MINUTE_MS);
}

/** How to treat a wall-clock time that does not exist (skipped by a spring-forward change). */
export type GapPolicy = 'none' | 'later';

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minutes` (minutes may exceed a day: 25:00 is
 * 01:00 the next day). A time that happens twice gives the first; a time that does not exist gives `null`, or with
 * `gap: 'later'` the instant the clocks jumped over it moves to (02:30 -> 03:30 in New York).
 */
export function instantOf(date: LocalDate, minutes: number, timeZone: string, gap: GapPolicy = 'none'): number | null {
  const day = addDays(date, Math.floor(minutes / 1440));
  const inDay = ((minutes % 1440) + 1440) % 1440;
  const asUtc = Date.parse(`${day}T00:00:00Z`) + inDay * MINUTE_MS;
  // The offsets a day before and after cover both sides of any transition near this time.
  const before = offsetMinutes(asUtc - DAY_MS, timeZone);
  const after = offsetMinutes(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - before * MINUTE_MS, asUtc - after * MINUTE_MS].filter((instant) => {
    const wall = wallClock(instant, timeZone);
    return wall.date === day && wall.minutes === inDay;
  });
  if (candidates.length > 0) return Math.min(...candidates);
  return gap === 'later' ? asUtc - before * MINUTE_MS : null;
}

/** The local date and `HH:MM` of an instant, for messages and exports. */
export function localLabel(instantMs: number, timeZone: string): { date: LocalDate; time: string } {
  const wall = wallClock(instantMs, timeZone);
  return { date: wall.date, time: timeOf(wall.minutes) };
}
