/**
 * Relative dates and times read here rather than by chrono: 明後日, しあさって, 3日後, 来週の金曜 and 2時間後 (chrono's
 * Japanese locale does not read them), and "the day after tomorrow", "in 3 days" (chrono counts those days in the
 * process's time zone, not the server's, so they were a day off around midnight).
 */
import { addDays, type LocalDate, weekdayOf } from '../time/civil.ts';
import { wallClock } from '../time/zone.ts';
import { COUNT_PATTERN, countOf } from './numbers.ts';

/** A relative date (and, for 2時間後, a time of day) and where it was in the text. */
export interface RelativeWhen {
  date: LocalDate;
  minutes?: number;
  span: [number, number];
}

const WEEKDAYS_JA = '日月火水木金土';
const NAMED_DAYS: readonly (readonly [RegExp, number])[] = [
  [/明々後日|明明後日|しあさって/u, 3],
  [/明後日|あさって/u, 2],
  [/\b(?:the\s+)?day\s+after\s+tomorrow\b|\bovermorrow\b/iu, 2],
];
const COUNT = `(${COUNT_PATTERN}|an?)`;
const DAYS_LATER_JA = new RegExp(`${COUNT}\\s*(日|週間)後`, 'iu');
const DAYS_LATER_EN = new RegExp(`\\bin\\s+${COUNT}\\s+(days?|weeks?)\\b`, 'iu');
const TIME_LATER_JA = new RegExp(`${COUNT}\\s*(時間|分)(半)?後`, 'u');
const WEEK_JA = new RegExp(`(今週|来週|再来週)の?([${WEEKDAYS_JA}])曜(?:日)?`, 'u');

const spanOf = (match: RegExpExecArray): [number, number] => [match.index, match.index + match[0].length];
const count = (word: string | undefined): number | undefined => (/^an?$/iu.test(word ?? '') ? 1 : countOf(word ?? ''));

function daysLater(text: string, today: LocalDate): RelativeWhen | undefined {
  for (const [pattern, days] of NAMED_DAYS) {
    const match = pattern.exec(text);
    if (match) return { date: addDays(today, days), span: spanOf(match) };
  }
  const match = DAYS_LATER_JA.exec(text) ?? DAYS_LATER_EN.exec(text);
  const n = count(match?.[1]);
  if (!match || n === undefined) return undefined;
  return { date: addDays(today, /^(週間|weeks?)$/iu.test(match[2] ?? '') ? n * 7 : n), span: spanOf(match) };
}

/** 「2時間後」「30分後」「1時間半後」: an instant, so a DST change in between is counted. */
function timeLater(text: string, now: number, timeZone: string): RelativeWhen | undefined {
  const match = TIME_LATER_JA.exec(text);
  const n = count(match?.[1]);
  if (!match || n === undefined) return undefined;
  const minutes = match[2] === '時間' ? n * 60 + (match[3] ? 30 : 0) : n;
  const then = wallClock(now + minutes * 60_000, timeZone);
  return { date: then.date, minutes: then.minutes, span: spanOf(match) };
}

/** 今週/来週/再来週の金曜: weeks start on Monday, 来週 is the Monday-to-Sunday week after this one. */
function weekdayOfWeek(text: string, today: LocalDate): RelativeWhen | undefined {
  const week = WEEK_JA.exec(text);
  if (!week) return undefined;
  const weeksAhead = week[1] === '今週' ? 0 : week[1] === '来週' ? 1 : 2;
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  const offsetInWeek = (WEEKDAYS_JA.indexOf(week[2] ?? '') + 6) % 7;
  return { date: addDays(monday, weeksAhead * 7 + offsetInWeek), span: spanOf(week) };
}

/** The relative date or time the text names, counted from `now` in the server's zone, or undefined. */
export function relativeWhen(text: string, now: number, timeZone: string): RelativeWhen | undefined {
  const today = wallClock(now, timeZone).date;
  return timeLater(text, now, timeZone) ?? daysLater(text, today) ?? weekdayOfWeek(text, today);
}
