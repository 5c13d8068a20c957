/**
 * Dates and times in Japanese and English, with chrono-node, against the server's time zone and a reference
 * instant. chrono reads the text; `relative.ts` reads what it lacks or counts in the wrong zone (明後日, 来週の金曜,
 * 2時間後, "the day after tomorrow"); this module reads
 * 「夜7時」 as 19:00, and reports a slash date such as 12/1 that could be read two ways.
 */
import * as chrono from 'chrono-node';
import { type LocalDate, localDate } from '../time/civil.ts';
import { offsetMinutes, wallClock } from '../time/zone.ts';
import { relativeWhen } from './relative.ts';

export type DateOrder = 'month-first' | 'day-first';

/** What the text says about when. `minutes` is the time of day; `timeAmbiguous` when "7" could be 7:00 or 19:00. */
export interface WhenFields {
  date?: LocalDate;
  minutes?: number;
  timeAmbiguous?: boolean;
  /** A slash date read one of two ways: the text and the date chosen. */
  slashDate?: { text: string; date: LocalDate };
  /** Where the date/time phrases were, so other extractors (party size) skip them. */
  spans: [number, number][];
}

export interface WhenContext {
  now: number;
  timeZone: string;
  dateOrder: DateOrder;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const PM_HINT = /夜|晩|夕方|夕|午後|\bevening\b|\btonight\b|\bnight\b|\bdinner\b/iu;
const AM_HINT = /朝|午前|\bmorning\b|\bbreakfast\b/iu;
const NOON = /昼|正午|\bnoon\b|\bmidday\b|\blunch\b/iu;
const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/u;

function parser(text: string, order: DateOrder): chrono.Chrono {
  if (JAPANESE.test(text)) return chrono.ja.casual;
  return order === 'day-first' ? chrono.en.GB : chrono.en.casual;
}

function blank(text: string, span: [number, number]): string {
  return text.slice(0, span[0]) + ' '.repeat(span[1] - span[0]) + text.slice(span[1]);
}

/** Reads the date and time a text mentions. Text must be NFKC-normalised (full-width digits as ASCII). */
export function whenOf(text: string, context: WhenContext): WhenFields {
  const today = wallClock(context.now, context.timeZone).date;
  const fields: WhenFields = { spans: [] };
  let rest = text;
  // A month and day without a year ("12/1", 「3月5日」) means the next one; "yesterday" stays in the past.
  let yearImplied = false;
  const relative = relativeWhen(text, context.now, context.timeZone);
  if (relative) {
    fields.date = relative.date;
    if (relative.minutes !== undefined) {
      fields.minutes = relative.minutes;
      fields.timeAmbiguous = false;
    }
    fields.spans.push(relative.span);
    rest = blank(rest, relative.span);
  }
  const reference = { instant: new Date(context.now), timezone: offsetMinutes(context.now, context.timeZone) };
  for (const result of parser(rest, context.dateOrder).parse(rest, reference, { forwardDate: true })) {
    fields.spans.push([result.index, result.index + result.text.length]);
    const start = result.start;
    // "in 2 hours" is an instant: take it as one, so a DST change in between is accounted for.
    const exact = start.tags().has('result/relativeDateAndTime') ? wallClock(start.date().getTime(), context.timeZone) : undefined;
    if (fields.date === undefined && (exact || start.isCertain('day') || start.isCertain('weekday'))) {
      fields.date = exact?.date ?? localDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
      yearImplied = !exact && start.isCertain('month') && !start.isCertain('year');
    }
    if (fields.minutes === undefined && (exact || start.isCertain('hour'))) {
      const hour = start.get('hour') ?? 0;
      fields.minutes = exact?.minutes ?? hour * 60 + (start.get('minute') ?? 0);
      fields.timeAmbiguous =
        !exact && hour >= 1 && hour <= 11 && !start.isCertain('meridiem') && !/午前|午後|am\b|pm\b/iu.test(result.text);
    }
  }
  applyHints(text, fields);
  noteSlashDate(text, fields);
  if (yearImplied && fields.date !== undefined && fields.date < today) fields.date = nextYear(fields.date);
  return fields;
}

function applyHints(text: string, fields: WhenFields): void {
  if (fields.minutes === undefined && NOON.test(text)) fields.minutes = 12 * 60;
  if (fields.minutes === undefined || !fields.timeAmbiguous) return;
  if (PM_HINT.test(text)) {
    fields.minutes += 12 * 60;
    fields.timeAmbiguous = false;
  } else if (AM_HINT.test(text)) {
    fields.timeAmbiguous = false;
  }
}

/** 12/1 could be 1 December or 12 January: say which one was taken, when both exist and differ. */
function noteSlashDate(text: string, fields: WhenFields): void {
  const match = SLASH_DATE.exec(text);
  if (!match || fields.date === undefined) return;
  const [first, second] = [Number(match[1]), Number(match[2])];
  if (first > 12 || second > 12 || first === second) return;
  fields.slashDate = { text: match[0], date: fields.date };
}

function nextYear(date: LocalDate): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  return localDate((year ?? 0) + 1, month ?? 1, day ?? 1);
}
