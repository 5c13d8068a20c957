/**
 * The steps of a text conversation once the message is merged into the remembered state: book (resource, date,
 * time, party, in that order), change or cancel one of the member's bookings, or list them.
 */
import type { Resource } from '../model.ts';
import type { BookingServices } from '../services.ts';
import type { Conversation } from '../store/conversations.ts';
import { wallClock } from '../time/zone.ts';
import { upcomingOf } from './owned.ts';
import { prepareBook, prepareCancel, type Prepared, prepareMove } from './prepare.ts';
import { problem } from './problem.ts';
import { resolveStart } from './resolve.ts';
import type { TextAnswer, TextContext } from './text.ts';

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

/** The next step for a merged conversation state. */
export async function continueConversation(
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
