/**
 * The booking flows in the terminal chat: `/book …`, plain text, `/mybookings`, and the buttons of Discord as
 * commands (`/confirm <id>`), on the same domain code, so every flow can be tried and scripted without Discord.
 */
import { prepareAlternative } from './actions/alternative.ts';
import { nearestFree } from './actions/availability.ts';
import { confirmDraft } from './actions/confirm.ts';
import { loadDraft } from './actions/load.ts';
import { acceptOffer, declineOffer, joinWaitlist } from './actions/offers.ts';
import { prepareCancel } from './actions/prepare.ts';
import { answerText, type TextContext, upcomingOf } from './actions/text.ts';
import { setupLocalResource } from './local-setup.ts';
import { type Translate, translator } from './locale.ts';
import type { Locale } from './model.ts';
import { looksLikeBooking } from './nl/detect.ts';
import { renderAnswer, renderConfirmed, renderPrepared } from './local-render.ts';
import { plainFormat, problemText, type TimeFormat } from './present.ts';
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
