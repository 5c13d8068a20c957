/** A text conversation's answer (a question, a card, a list, a refusal) as a Discord message. */
import type { TextAnswer } from '../actions/text.ts';
import type { Translate } from '../locale.ts';
import { askText, bookingLines, problemText, type TimeFormat } from '../present.ts';
import { chooseView, myBookingsView, preparedView, type View } from './views.ts';

/** The Discord message for a text conversation's answer. */
export function textAnswerView(t: Translate, format: TimeFormat, answer: TextAnswer): View {
  switch (answer.kind) {
    case 'ask':
      return { content: askText(t, answer), embeds: [], components: [] };
    case 'prepared':
      return preparedView(t, format, answer.prepared);
    case 'list':
      return myBookingsView(t, format, answer.bookings, bookingLines(t, format, answer.bookings));
    case 'choose':
      return chooseView(t, answer.bookings, bookingLines(t, format, answer.bookings));
    case 'problem':
      return { content: problemText(t, answer.problem), embeds: [], components: [] };
    case 'not_understood':
      return { content: t('not_understood'), embeds: [], components: [] };
  }
}
