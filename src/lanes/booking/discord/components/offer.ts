/** The buttons of a waitlist offer (sent by DM): take the place, or let it go to the next in line. */
import { acceptOffer, declineOffer } from '../../actions/offers.ts';
import { problemText } from '../../present.ts';
import type { BookingComponent } from '../contract.ts';
import { speakerOf } from '../reply.ts';
import { bookedView } from '../views.ts';
import { idOf, respond } from './respond.ts';

/** Offers arrive in DMs, where the interaction has no server: the booking's server comes from the resource. */
async function refOf(
  interaction: Parameters<BookingComponent['execute']>[0],
  services: Parameters<BookingComponent['execute']>[1],
  resourceId: string,
) {
  if (interaction.guildId) return interaction.guildId;
  return services.resources.guildOf(resourceId);
}

/** `bk:accept:<resource>:<booking>` — takes the offered place. */
export const acceptButton: BookingComponent = {
  customIdPrefix: 'bk:accept:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'accept');
    const guildId = id && (await refOf(interaction, services, id.resourceId));
    if (!id || !guildId) return respond(interaction, t('refused.missing'));
    const accepted = await acceptOffer(services, { guildId, ...id }, interaction.user.id);
    if (!accepted.ok) return respond(interaction, problemText(t, accepted.problem));
    const { booking, resource } = accepted;
    const text = t('done.booked', { resource: resource.name, when: format.when(booking.start), party: booking.party });
    await respond(interaction, bookedView(t, text, { resourceId: resource.id, bookingId: booking.id }));
  },
};

/** `bk:decline:<resource>:<booking>` — lets it go to the next in line. */
export const declineButton: BookingComponent = {
  customIdPrefix: 'bk:decline:',
  async execute(interaction, services) {
    const { t } = speakerOf(interaction);
    const id = idOf(interaction, 'decline');
    const guildId = id && (await refOf(interaction, services, id.resourceId));
    if (!id || !guildId) return respond(interaction, t('refused.missing'));
    const declined = await declineOffer(services, { guildId, ...id }, interaction.user.id);
    await respond(interaction, declined.ok ? t('done.offer_declined') : problemText(t, declined.problem));
  },
};
