/** The buttons of a confirmation card and of a refusal: Confirm, Cancel, a suggested time, the waitlist. */
import { prepareAlternative } from '../../actions/alternative.ts';
import { confirmDraft, type Confirmed } from '../../actions/confirm.ts';
import { joinWaitlist } from '../../actions/offers.ts';
import type { Translate } from '../../locale.ts';
import { problemText, type TimeFormat } from '../../present.ts';
import type { BookingComponent } from '../contract.ts';
import { speakerOf } from '../reply.ts';
import { bookedView, preparedView, type View } from '../views.ts';
import { idOf, respond } from './respond.ts';

function confirmedView(t: Translate, format: TimeFormat, confirmed: Confirmed): View | string {
  if (!confirmed.ok) {
    // A refusal at Confirm (the last seat went meanwhile) offers the same ways out as one before it.
    return preparedView(t, format, { ...confirmed, ok: false });
  }
  const { booking, resource } = confirmed;
  const params = { resource: resource.name, when: format.when(booking.start), party: booking.party };
  if (confirmed.kind === 'cancel') return t('done.cancelled', params);
  const text = t(confirmed.kind === 'book' ? 'done.booked' : 'done.moved', params);
  return bookedView(t, text, { resourceId: resource.id, bookingId: booking.id });
}

/** `bk:confirm:<draft>` — carries out the card. */
export const confirmButton: BookingComponent = {
  customIdPrefix: 'bk:confirm:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'confirm');
    if (!id) return respond(interaction, t('refused.draft_expired'));
    // The interaction id is the idempotency key: a redelivered press answers the same and books nothing more.
    await respond(interaction, confirmedView(t, format, await confirmDraft(services, id.draftId, interaction.user.id, interaction.id)));
  },
};

/** `bk:discard:<draft>` — drops the card; nothing is booked or cancelled. */
export const discardButton: BookingComponent = {
  customIdPrefix: 'bk:discard:',
  async execute(interaction, services) {
    const { t } = speakerOf(interaction);
    const id = idOf(interaction, 'discard');
    const draft = id && (await services.drafts.get(id.draftId));
    if (draft && draft.userId !== interaction.user.id) return respond(interaction, t('refused.not_yours'));
    if (draft) await services.drafts.delete(draft.id);
    await respond(interaction, t(draft?.kind === 'cancel' ? 'done.kept' : 'done.discarded'));
  },
};

/** `bk:waitlist:<draft>` — joins the full slot's waitlist. */
export const waitlistButton: BookingComponent = {
  customIdPrefix: 'bk:waitlist:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'waitlist');
    if (!id) return respond(interaction, t('refused.draft_expired'));
    const joined = await joinWaitlist(services, id.draftId, interaction.user.id);
    await respond(
      interaction,
      joined.ok ? t('done.waitlisted', { position: joined.position, when: format.when(joined.start) }) : problemText(t, joined.problem),
    );
  },
};

/** `bk:alt:<draft>:<start>` — a new card for a suggested free time. */
export const alternativeButton: BookingComponent = {
  customIdPrefix: 'bk:alt:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'alt');
    if (!id) return respond(interaction, t('refused.draft_expired'));
    await respond(interaction, preparedView(t, format, await prepareAlternative(services, id.draftId, interaction.user.id, id.start)));
  },
};
