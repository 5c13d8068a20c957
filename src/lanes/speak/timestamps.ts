/** Discord timestamps (`<t:1700000000:R>`) as words, in the style the client would show them. */

const RELATIVE_UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const STYLES: Readonly<Record<string, Intl.DateTimeFormatOptions>> = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  // Spoken dates read better long ("2 January 2024") than numeric ("02/01/2024").
  d: { dateStyle: 'long' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
};

/** `unix` seconds in Discord's `style` (t, T, d, D, f, F, R) for `language`; relative to `now` for R. */
export function discordTimestamp(unix: number, style: string, language: string, now: Date, timeZone: string): string {
  const when = new Date(unix * 1000);
  if (Number.isNaN(when.getTime())) return '';
  if (style === 'R') {
    const seconds = Math.round((when.getTime() - now.getTime()) / 1000);
    const [unit, size] = RELATIVE_UNITS.find(([, unitSeconds]) => Math.abs(seconds) >= unitSeconds) ?? ['second', 1];
    return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
  }
  return new Intl.DateTimeFormat(language, { ...(STYLES[style] ?? STYLES.f), timeZone }).format(when);
}
