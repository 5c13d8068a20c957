/**
 * A booking conversation in plain Japanese or English. Each message adds what it says to what the member said
 * before (kept in Redis with a TTL); what is still missing is asked for one question at a time. The end is always
 * a draft on a confirmation card (or a clear refusal): this never books.
 */
import type { Booking, Locale, Resource } from '../model.ts';
import { countOf } from '../nl/numbers.ts';
import type { BookingServices } from '../services.ts';
import type { Conversation } from '../store/conversations.ts';
import { wallClock } from '../time/zone.ts';
import { prepareBook, prepareCancel, type Prepared, prepareMove } from './prepare.ts';
import { type Problem, problem } from './problem.ts';
import { foundFields, resolveStart } from './resolve.ts';

export interface TextContext {
  readonly guildId: string;
  readonly userId: string;
  /** Where the conversation happens (a channel id, or `dm`): one conversation per member per place. */
  readonly scope: string;
  readonly locale: Locale;
  readonly displayName: string;
  readonly channelId?: string;
}

export interface OwnedBooking {
  readonly booking: Booking;
  readonly resource: Resource;
}

export type TextAnswer =
  | { readonly kind: 'ask'; readonly field: 'resource' | 'date' | 'time' | 'party' | 'new_time'; readonly resources: readonly Resource[] }
  | { readonly kind: 'prepared'; readonly prepared: Prepared }
  | { readonly kind: 'list'; readonly bookings: readonly OwnedBooking[] }
  | { readonly kind: 'choose'; readonly intent: 'change' | 'cancel'; readonly bookings: readonly OwnedBooking[] }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'not_understood' };

/** A member's upcoming bookings over all resources of the server, soonest first. */
export async function upcomingOf(services: BookingServices, guildId: string, userId: string): Promise<OwnedBooking[]> {
  const now = services.clock.now();
  const perResource = await Promise.all(
    (await services.resources.list(guildId)).map(async (resource) =>
      (await services.bookings.upcoming(resource, userId, now)).map((booking) => ({ booking, resource })),
    ),
  );
  return perResource.flat().sort((a, b) => a.booking.start - b.booking.start);
}

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

type Question = 'resource' | 'date' | 'time' | 'party';

/** Remembers the state and asks for `field` (`shown` words it differently, e.g. the new time of a change). */
async function ask(
  services: BookingServices,
  context: TextContext,
  state: Conversation,
  field: Question,
  resources: readonly Resource[],
  shown: Question | 'new_time' = field,
): Promise<TextAnswer> {
  await services.conversations.save(context.scope, context.userId, { ...state, locale: context.locale, awaiting: field });
  return { kind: 'ask', field: shown, resources };
}

async function finish(services: BookingServices, context: TextContext, answer: TextAnswer): Promise<TextAnswer> {
  await services.conversations.clear(context.scope, context.userId);
  return answer;
}

async function continueConversation(
  services: BookingServices,
  context: TextContext,
  state: Conversation,
  resources: readonly Resource[],
): Promise<TextAnswer> {
  if (state.intent === 'list')
    return finish(services, context, { kind: 'list', bookings: await upcomingOf(services, context.guildId, context.userId) });
  if (state.intent === 'book') return continueBooking(services, context, state, resources);
  const mine = (await upcomingOf(services, context.guildId, context.userId)).filter(
    (o) => state.intent === 'cancel' || o.booking.status === 'confirmed',
  );
  if (mine.length === 0) return finish(services, context, { kind: 'problem', problem: problem('refused.no_bookings') });
  const target = state.bookingId ? mine.find((o) => o.booking.id === state.bookingId) : mine.length === 1 ? mine[0] : undefined;
  if (!target) {
    await services.conversations.save(context.scope, context.userId, { ...state, locale: context.locale, awaiting: 'booking' });
    return { kind: 'choose', intent: state.intent, bookings: mine };
  }
  if (state.intent === 'cancel')
    return finish(services, context, { kind: 'prepared', prepared: await prepareCancel(services, target.resource, target.booking) });
  if (state.date === undefined && state.minutes === undefined)
    return ask(services, context, { ...state, bookingId: target.booking.id }, 'time', resources, 'new_time');
  const timeZone = await services.resources.timeZoneOf(target.resource);
  const wall = wallClock(target.booking.start, timeZone);
  const start = resolveStart(
    target.resource,
    state.date ?? wall.date,
    state.minutes ?? wall.minutes,
    state.timeAmbiguous ?? false,
    services.clock.now(),
    timeZone,
  );
  const prepared = await prepareMove(services, target.resource, target.booking, start);
  return prepared.ok ? finish(services, context, { kind: 'prepared', prepared }) : keepAsking(services, context, state, prepared);
}

async function continueBooking(
  services: BookingServices,
  context: TextContext,
  state: Conversation,
  resources: readonly Resource[],
): Promise<TextAnswer> {
  if (resources.length === 0) return finish(services, context, { kind: 'problem', problem: problem('refused.no_resources') });
  const resource = resources.find((r) => r.id === state.resourceId) ?? (resources.length === 1 ? resources[0] : undefined);
  if (!resource) return ask(services, context, state, 'resource', resources);
  const timeZone = await services.resources.timeZoneOf(resource);
  const now = services.clock.now();
  // "at 7pm" with no day means today.
  const date = state.date ?? (state.minutes !== undefined ? wallClock(now, timeZone).date : undefined);
  const withResource = { ...state, resourceId: resource.id };
  if (date === undefined) return ask(services, context, withResource, 'date', resources);
  if (state.minutes === undefined) return ask(services, context, { ...withResource, date }, 'time', resources);
  // A resource for one person at a time (office hours, a practice room) never needs to ask.
  const party = state.party ?? (resource.capacity === 1 ? 1 : undefined);
  if (party === undefined) return ask(services, context, { ...withResource, date }, 'party', resources);
  const start = resolveStart(resource, date, state.minutes, state.timeAmbiguous ?? false, now, timeZone);
  const prepared = await prepareBook(services, {
    resource,
    userId: context.userId,
    start,
    party,
    name: context.displayName,
    note: '',
    locale: context.locale,
    ...(context.channelId ? { channelId: context.channelId } : {}),
    ...(state.slashDate ? { slashDate: state.slashDate } : {}),
  });
  return prepared.ok
    ? finish(services, context, { kind: 'prepared', prepared })
    : keepAsking(services, context, { ...withResource, date }, prepared);
}

/** A refused time keeps the conversation, so "then 8pm" or 「じゃあ20時」 can follow. */
async function keepAsking(services: BookingServices, context: TextContext, state: Conversation, prepared: Prepared): Promise<TextAnswer> {
  const { minutes: _m, timeAmbiguous: _a, ...rest } = state;
  await services.conversations.save(context.scope, context.userId, { ...rest, locale: context.locale, awaiting: 'time' });
  return { kind: 'prepared', prepared };
}
