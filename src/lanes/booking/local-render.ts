/** The local chat's text for each answer: the same words as Discord, with commands where Discord has buttons. */
import type { Confirmed } from './actions/confirm.ts';
import type { Prepared } from './actions/prepare.ts';
import type { TextAnswer } from './actions/text.ts';
import type { Translate } from './locale.ts';
import { askText, bookingLines, cardContent, problemText, suggestionsText, type TimeFormat } from './present.ts';

export function renderAnswer(t: Translate, format: TimeFormat, answer: TextAnswer): string {
  switch (answer.kind) {
    case 'ask':
      return askText(t, answer);
    case 'prepared':
      return renderPrepared(t, format, answer.prepared);
    case 'list':
      return answer.bookings.length
        ? [t('list.mine.title'), ...bookingLines(t, format, answer.bookings)].join('\n')
        : t('refused.no_bookings');
    case 'choose':
      return [t('ask.which_booking'), ...bookingLines(t, format, answer.bookings), `→ /${answer.intent} <n>`].join('\n');
    case 'problem':
      return problemText(t, answer.problem);
    case 'not_understood':
      return t('not_understood');
  }
}

export function renderPrepared(t: Translate, format: TimeFormat, prepared: Prepared): string {
  if (prepared.ok) {
    const card = cardContent(t, format, prepared.draft, prepared.resource);
    const lines = [card.title, ...card.fields.map(([label, value]) => `  ${label}: ${value}`)];
    if (card.footer) lines.push(card.footer);
    lines.push(`→ /confirm ${prepared.draft.id}   /discard ${prepared.draft.id}`);
    return lines.join('\n');
  }
  const lines = [problemText(t, prepared.problem)];
  if (prepared.request && prepared.suggestions.length) {
    lines.push(suggestionsText(t, format, prepared.suggestions));
    lines.push(prepared.suggestions.map((_, i) => `/alt ${prepared.request?.id} ${i + 1}`).join('   '));
  }
  if (prepared.full && prepared.request?.kind === 'book') lines.push(`→ /waitlist ${prepared.request.id}`);
  return lines.join('\n');
}

export function renderConfirmed(t: Translate, format: TimeFormat, confirmed: Confirmed): string {
  if (!confirmed.ok) {
    const lines = [problemText(t, confirmed.problem)];
    if (confirmed.suggestions.length) lines.push(suggestionsText(t, format, confirmed.suggestions));
    if (confirmed.full && confirmed.request) lines.push(`→ /waitlist ${confirmed.request.id}`);
    return lines.join('\n');
  }
  const { booking, resource } = confirmed;
  const params = { resource: resource.name, when: format.when(booking.start), party: booking.party };
  return t(confirmed.kind === 'book' ? 'done.booked' : confirmed.kind === 'move' ? 'done.moved' : 'done.cancelled', params);
}
