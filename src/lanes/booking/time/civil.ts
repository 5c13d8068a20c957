/**
 * Calendar dates and wall-clock times without a time zone ("2025-03-09", "19:30"). Arithmetic on them is done in
 * UTC milliseconds, where every day has 24 hours, so adding a day never lands on the wrong date around DST.
 */
import { z } from 'zod';

const DAY_MS = 86_400_000;

/** A calendar date, `YYYY-MM-DD`, checked to exist (no 2025-02-30). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD')
  .refine((value) => formatUtcDate(Date.parse(`${value}T00:00:00Z`)) === value, 'a date that exists');
export type LocalDate = z.infer<typeof localDateSchema>;

/** A wall-clock time, `HH:MM` (24 h). `24:00` is allowed as the end of a day. */
export const localTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/u, 'a time as HH:MM (24-hour)');
export type LocalTime = z.infer<typeof localTimeSchema>;

/** Weekday numbers as JavaScript counts them: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

function formatUtcDate(ms: number): string {
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 10);
}

/** The date from its parts (month 1-12). */
export function localDate(year: number, month: number, day: number): LocalDate {
  return formatUtcDate(Date.UTC(year, month - 1, day));
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return formatUtcDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function weekdayOf(date: LocalDate): Weekday {
  return new Date(`${date}T00:00:00Z`).getUTCDay() as Weekday;
}

/** Minutes since midnight of a `HH:MM` time. */
export function minutesOf(time: LocalTime): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** `HH:MM` of minutes since midnight (taken modulo one day). */
export function timeOf(minutes: number): LocalTime {
  const inDay = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
}
