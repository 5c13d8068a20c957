/**
 * The booking flows in the terminal chat: `/book …`, plain text, `/mybookings`, and the buttons of Discord as
 * commands (`/confirm <id>`), on the same domain code, so every flow can be tried and scripted without Discord.
 */
import { prepareAlternative } from './actions/alternative.ts';
import { nearestFree } from './actions/availability.ts';
import { confirmDraft, type Confirmed } from './actions/confirm.ts';
import { loadDraft } from './actions/load.ts';
import { acceptOffer, declineOffer, joinWaitlist } from './actions/offers.ts';
import { prepareCancel, type Prepared } from './actions/prepare.ts';
import { answerText, type TextAnswer, type TextContext, upcomingOf } from './actions/text.ts';
import { setupLocalResource } from './local-setup.ts';
import { type Translate, translator } from './messages.ts';
import type { Locale } from './model.ts';
import { looksLikeBooking } from './nl/detect.ts';
import { askText, bookingLines, cardContent, plainFormat, problemText, suggestionsText, type TimeFormat } from './present.ts';
import type { BookingServices } from './services.ts';

/** The server id the terminal's resources and bookings live under. */
export const LOCAL_GUILD = 'local';

export interface LocalBooking {
  /** The answer to one line, or undefined when the line is not about bookings (the caller routes it elsewhere). */
  answer(line: string): Promise<string | undefined>;
}

export function createLocalBooking(
  services: BookingServices,
  member: { userId: string; displayName: string; locale: Locale },
): LocalBooking {
  const t = translator(member.locale);
  const context: TextContext = {
    guildId: LOCAL_GUILD,
    userId: member.userId,
    scope: 'local',
    locale: member.locale,
    displayName: member.displayName,
  };
  const format = async (): Promise<TimeFormat> => plainFormat(member.locale, (await services.resources.settings(LOCAL_GUILD)).timeZone);
  let counter = 0;
  const key = () => `local-${member.userId}-${Date.now()}-${++counter}`;

  const commands: Record<string, (args: string) => Promise<string>> = {
    book: async (args) => (args ? renderAnswer(t, await format(), await answerText(services, context, args)) : usage(t, services)),
    mybookings: async () =>
      renderAnswer(t, await format(), { kind: 'list', bookings: await upcomingOf(services, LOCAL_GUILD, member.userId) }),
    cancel: async (args) => {
      const owned = (await upcomingOf(services, LOCAL_GUILD, member.userId))[Number(args) - 1];
      if (!owned) return t('refused.missing');
      return renderPrepared(t, await format(), await prepareCancel(services, owned.resource, owned.booking));
    },
    change: async (args) => {
      const [index = '', ...rest] = args.split(/\s+/u);
      const owned = (await upcomingOf(services, LOCAL_GUILD, member.userId))[Number(index) - 1];
      if (!owned) return t('refused.missing');
      await services.conversations.save('local', member.userId, { intent: 'change', bookingId: owned.booking.id });
      return renderAnswer(t, await format(), await answerText(services, context, rest.join(' ') || 'change'));
    },
    confirm: async (args) => renderConfirmed(t, await format(), await confirmDraft(services, args, member.userId, key())),
    discard: async (args) => {
      await services.drafts.delete(args);
      return t('done.discarded');
    },
    waitlist: async (args) => {
      const joined = await joinWaitlist(services, args, member.userId);
      return joined.ok
        ? t('done.waitlisted', { position: joined.position, when: (await format()).when(joined.start) })
        : problemText(t, joined.problem);
    },
    alt: async (args) => {
      const [draftId = '', index = ''] = args.split(/\s+/u);
      const loaded = await loadDraft(services, draftId, member.userId);
      if ('key' in loaded) return problemText(t, loaded);
      const slot = (await nearestFree(services, loaded.resource, loaded.draft.start, loaded.draft.party))[Number(index) - 1];
      if (!slot) return t('suggest.none');
      return renderPrepared(t, await format(), await prepareAlternative(services, draftId, member.userId, slot.start));
    },
    accept: async (args) => offerCommand(args, 'accept'),
    decline: async (args) => offerCommand(args, 'decline'),
    'booking-setup': async (args) => setupLocalResource(services, LOCAL_GUILD, args, t),
  };

  async function offerCommand(bookingId: string, action: 'accept' | 'decline'): Promise<string> {
    const owned = await findBooking(bookingId);
    if (!owned) return t('refused.missing');
    const ref = { guildId: LOCAL_GUILD, resourceId: owned.resourceId, bookingId };
    if (action === 'decline') {
      const declined = await declineOffer(services, ref, member.userId);
      return declined.ok ? t('done.offer_declined') : problemText(t, declined.problem);
    }
    const accepted = await acceptOffer(services, ref, member.userId);
    if (!accepted.ok) return problemText(t, accepted.problem);
    return t('done.booked', {
      resource: accepted.resource.name,
      when: (await format()).when(accepted.booking.start),
      party: accepted.booking.party,
    });
  }

  async function findBooking(bookingId: string): Promise<{ resourceId: string } | undefined> {
    for (const resource of await services.resources.list(LOCAL_GUILD)) {
      if (await services.bookings.get(resource, bookingId)) return { resourceId: resource.id };
    }
    return undefined;
  }

  return {
    async answer(line) {
      const text = line.trim();
      const command = /^\/([\w-]+)\s*(.*)$/su.exec(text);
      if (command) {
        const run = commands[command[1] ?? ''];
        return run ? run((command[2] ?? '').trim()) : undefined;
      }
      // Plain text is ours when it is about bookings or answers a question we asked.
      const ongoing = await services.conversations.get('local', member.userId);
      if (!ongoing && !(await looksLikeBooking(services, LOCAL_GUILD, text))) return undefined;
      const answer = await answerText(services, context, text);
      return answer.kind === 'not_understood' ? undefined : renderAnswer(t, await format(), answer);
    },
  };
}

async function usage(t: Translate, services: BookingServices): Promise<string> {
  const resources = await services.resources.list(LOCAL_GUILD);
  if (resources.length === 0) return t('refused.no_resources');
  return `${t('ask.resource', { options: resources.map((r, i) => `${i + 1}. ${r.name}`).join('  ') })}\n${t('not_understood')}`;
}

function renderAnswer(t: Translate, format: TimeFormat, answer: TextAnswer): string {
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

function renderPrepared(t: Translate, format: TimeFormat, prepared: Prepared): string {
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

function renderConfirmed(t: Translate, format: TimeFormat, confirmed: Confirmed): string {
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
