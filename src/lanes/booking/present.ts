/**
 * Text for the booking lane's answers, shared by Discord and the local chat. Only the way instants are written
 * differs: Discord timestamps (`<t:…:F>`, every member sees their own local time) or the resource's zone in plain text.
 */
import type { Problem } from './actions/problem.ts';
import type { SlotWithFree } from './actions/availability.ts';
import type { OwnedBooking, TextAnswer } from './actions/text.ts';
import type { MessageKey } from './messages.ts';
import type { Translate } from './locale.ts';
import type { Locale, Resource } from './model.ts';
import type { Notice } from './services.ts';
import type { Draft } from './store/drafts.ts';
import type { LocalDate } from './time/civil.ts';

/** How instants and dates are written on one surface. */
export interface TimeFormat {
  when(instantMs: number): string;
  date(date: LocalDate): string;
}

const intlLocale = (locale: Locale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');

function dateLabel(date: LocalDate, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    weekday: 'short',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Discord: `<t:unix:F>` timestamps. */
export function discordFormat(locale: Locale): TimeFormat {
  return { when: (ms) => `<t:${Math.floor(ms / 1000)}:F>`, date: (date) => dateLabel(date, locale) };
}

/** Plain text in a zone (the local chat; exports). */
export function plainFormat(locale: Locale, timeZone: string): TimeFormat {
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return { when: (ms) => format.format(new Date(ms)), date: (date) => dateLabel(date, locale) };
}

export function problemText(t: Translate, found: Problem): string {
  return t(found.key, found.params);
}

export function suggestionsText(t: Translate, format: TimeFormat, suggestions: readonly SlotWithFree[]): string {
  return suggestions.length ? t('suggest.nearest', { times: suggestions.map((s) => format.when(s.start)).join(', ') }) : t('suggest.none');
}

const TITLES: Readonly<Record<Draft['kind'], MessageKey>> = {
  book: 'card.title.book',
  move: 'card.title.move',
  cancel: 'card.title.cancel',
};

/** The confirmation card's title and fields (label, value). */
export function cardContent(
  t: Translate,
  format: TimeFormat,
  draft: Draft,
  resource: Resource,
): { title: string; fields: [string, string][]; footer?: string } {
  const fields: [string, string][] = [
    [t('card.resource'), resource.name],
    [t('card.when'), format.when(draft.start)],
  ];
  if (draft.previousStart !== undefined) fields.push([t('card.was'), format.when(draft.previousStart)]);
  fields.push([t('card.party'), t('card.party_value', { party: draft.party })]);
  if (draft.name) fields.push([t('card.name'), draft.name]);
  if (draft.note) fields.push([t('card.note'), draft.note]);
  const footer = draft.slashDate
    ? t('card.understood', { text: draft.slashDate.text, date: format.date(draft.slashDate.date) })
    : undefined;
  return { title: t(TITLES[draft.kind]), fields, ...(footer ? { footer } : {}) };
}

export function askText(t: Translate, answer: Extract<TextAnswer, { kind: 'ask' }>): string {
  if (answer.field !== 'resource') return t(answer.field === 'new_time' ? 'ask.new_time' : `ask.${answer.field}`);
  return t('ask.resource', { options: answer.resources.map((r, i) => `${i + 1}. ${r.name}`).join('  ') });
}

/** One line per booking, numbered from 1. */
export function bookingLines(t: Translate, format: TimeFormat, owned: readonly OwnedBooking[]): string[] {
  return owned.map(({ booking, resource }, i) => {
    const line = t('list.mine.line', { index: i + 1, resource: resource.name, when: format.when(booking.start), party: booking.party });
    return booking.status === 'offered' && booking.offerExpiresAt
      ? `${line} ${t('list.mine.offered', { deadline: format.when(booking.offerExpiresAt) })}`
      : line;
  });
}

/** What a notice says to the member. */
export function noticeText(t: Translate, format: TimeFormat, notice: Notice): string {
  const { booking, resource } = notice;
  const common = { resource: resource.name, when: format.when(booking.start), party: booking.party };
  switch (notice.kind) {
    case 'reminder':
      return t('notice.reminder', common);
    case 'offer':
      return t('notice.offer', { ...common, deadline: format.when(booking.offerExpiresAt ?? booking.start) });
    case 'offer_expired':
      return t('notice.offer_expired', common);
    case 'admin_cancelled':
      return t('notice.admin_cancelled', { ...common, reason: notice.reason ? t('notice.reason', { reason: notice.reason }) : '' });
  }
}
