/**
 * A booking conversation in plain Japanese or English. Each message adds what it says to what the member said
 * before (kept in Redis with a TTL); what is still missing is asked for one question at a time. The end is always
 * a draft on a confirmation card (or a clear refusal): this never books.
 */
import type { Locale, Resource } from '../model.ts';
import { countOf } from '../nl/numbers.ts';
import type { BookingServices } from '../services.ts';
import type { Conversation } from '../store/conversations.ts';
import type { OwnedBooking } from './owned.ts';
import type { Prepared } from './prepare.ts';
import type { Problem } from './problem.ts';
import { foundFields } from './resolve.ts';
import { continueConversation } from './text-flow.ts';

export { type OwnedBooking, upcomingOf } from './owned.ts';

/** Who is talking, where, in which language. */
export interface TextContext {
  readonly guildId: string;
  readonly userId: string;
  /** Where the conversation happens (a channel id, or `dm`): one conversation per member per place. */
  readonly scope: string;
  readonly locale: Locale;
  readonly displayName: string;
  readonly channelId?: string;
}

/** The answer to a message: a question, a card (or refusal), a list, a choice, or not understood. */
export type TextAnswer =
  | { readonly kind: 'ask'; readonly field: 'resource' | 'date' | 'time' | 'party' | 'new_time'; readonly resources: readonly Resource[] }
  | { readonly kind: 'prepared'; readonly prepared: Prepared }
  | { readonly kind: 'list'; readonly bookings: readonly OwnedBooking[] }
  | { readonly kind: 'choose'; readonly intent: 'change' | 'cancel'; readonly bookings: readonly OwnedBooking[] }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'not_understood' };

/** A bare reply to the question just asked: "3" for the party, "7" for the time, "2" for the second choice. */
function bareAnswer(state: Conversation | undefined, text: string, resources: readonly Resource[]): Partial<Conversation> {
  const word = text
    .normalize('NFKC')
    .trim()
    .replace(/(?:人|名|時|番)$/u, '');
  const count = countOf(word);
  if (!state?.awaiting || count === undefined) return {};
  if (state.awaiting === 'party') return { party: count };
  if (state.awaiting === 'time' && count <= 24) return { minutes: (count % 24) * 60, timeAmbiguous: count >= 1 && count <= 11 };
  if (state.awaiting === 'resource' && resources[count - 1]) return { resourceId: resources[count - 1]?.id ?? '' };
  return {};
}

/** Answers one message of the member's booking conversation. */
export async function answerText(services: BookingServices, context: TextContext, text: string): Promise<TextAnswer> {
  const resources = await services.resources.list(context.guildId);
  const settings = await services.resources.settings(context.guildId);
  const previous = await services.conversations.get(context.scope, context.userId);
  const parsed = foundFields(await services.extractor.extract(text, { now: services.clock.now(), ...settings, resources }));
  const { intent: said, ...fields } = parsed;
  const hasFields = Object.keys(fields).length > 0;
  // A new intent starts a new conversation; otherwise the message adds to the remembered one.
  const base = said && previous && said !== previous.intent ? undefined : previous;
  const intent = said ?? base?.intent ?? (hasFields ? 'book' : undefined);
  const answered = bareAnswer(base, text, resources);
  // Nothing about bookings in it (the member moved on to something else): the remembered state waits for its TTL.
  if (!intent || (!said && !hasFields && Object.keys(answered).length === 0)) return { kind: 'not_understood' };
  const { awaiting: _asked, ...remembered } = base ?? { intent };
  const state: Conversation = { ...remembered, ...answered, ...fields, intent };
  return continueConversation(services, context, state, resources);
}

/** Continues with a booking the member picked from a list (for a change or a cancellation). */
export async function pickBooking(services: BookingServices, context: TextContext, bookingId: string): Promise<TextAnswer> {
  const previous = await services.conversations.get(context.scope, context.userId);
  const intent = previous?.intent === 'change' ? 'change' : 'cancel';
  const { awaiting: _asked, ...state } = previous ?? { intent };
  return continueConversation(services, context, { ...state, intent, bookingId }, await services.resources.list(context.guildId));
}
