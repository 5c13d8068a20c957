/**
 * A member's own bookings: Cancel and Change from /mybookings, the day menu and time buttons of a change, and
 * "which booking?" in a text conversation.
 */
import { daysAvailability, dayAvailability } from '../../actions/availability.ts';
import { prepareCancel, prepareMove } from '../../actions/prepare.ts';
import { pickBooking } from '../../actions/text.ts';
import type { Booking, Resource } from '../../model.ts';
import type { BookingServices } from '../../services.ts';
import type { BookingComponent, BookingComponentInteraction } from '../contract.ts';
import { customId, menuDateSchema } from '../custom-ids.ts';
import { speakerOf } from '../reply.ts';
import { textAnswerView } from '../text-view.ts';
import { dayMenu as dayMenuRow, preparedView, timesView } from '../views.ts';
import { idOf, respond } from './respond.ts';

/** The member's own live booking, or undefined (someone else's, cancelled, or gone). */
async function ownBooking(
  services: BookingServices,
  interaction: BookingComponentInteraction,
  ref: { resourceId: string; bookingId: string },
): Promise<{ resource: Resource; booking: Booking } | undefined> {
  // Buttons under a reminder DM carry no server: find it from the resource.
  const guildId = interaction.guildId ?? (await services.resources.guildOf(ref.resourceId));
  const resource = guildId ? await services.resources.get(guildId, ref.resourceId) : undefined;
  const booking = resource ? await services.bookings.get(resource, ref.bookingId) : undefined;
  if (!resource || !booking || booking.status === 'cancelled' || booking.userId !== interaction.user.id) return undefined;
  return { resource, booking };
}

/** `bk:cancel:<resource>:<booking>` — a card to cancel one's own booking. */
export const cancelButton: BookingComponent = {
  customIdPrefix: 'bk:cancel:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'cancel');
    const own = id && (await ownBooking(services, interaction, id));
    if (!own) return respond(interaction, t('refused.missing'));
    await respond(interaction, preparedView(t, format, await prepareCancel(services, own.resource, own.booking)));
  },
};

/** `bk:change:<resource>:<booking>` — the day menu of a change. */
export const changeButton: BookingComponent = {
  customIdPrefix: 'bk:change:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'change');
    const own = id && (await ownBooking(services, interaction, id));
    if (!id || !own) return respond(interaction, t('refused.missing'));
    const days = await daysAvailability(services, own.resource, services.config.panelDays);
    if (days.length === 0) return respond(interaction, t('panel.no_days'));
    await respond(interaction, {
      content: t('ask.new_time'),
      embeds: [],
      components: [dayMenuRow(t, format, customId({ ...id, action: 'mvday' }), days)],
    });
  },
};

/** `bk:mvday:<resource>:<booking>` — the times of the chosen day. */
export const changeDayMenu: BookingComponent = {
  customIdPrefix: 'bk:mvday:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'mvday');
    const own = id && (await ownBooking(services, interaction, id));
    const date = interaction.isStringSelectMenu() ? menuDateSchema.safeParse(interaction.values[0]) : undefined;
    if (!id || !own || !date?.success) return respond(interaction, t('refused.missing'));
    const slots = await dayAvailability(services, own.resource, date.data);
    await respond(
      interaction,
      timesView(t, own.resource, format.date(date.data), slots, (slot) =>
        customId({ action: 'mvtime', resourceId: id.resourceId, bookingId: id.bookingId, start: slot.start }),
      ),
    );
  },
};

/** `bk:mvtime:<resource>:<booking>:<start>` — a card moving the booking there. */
export const changeTimeButton: BookingComponent = {
  customIdPrefix: 'bk:mvtime:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'mvtime');
    const own = id && (await ownBooking(services, interaction, id));
    if (!id || !own) return respond(interaction, t('refused.missing'));
    await respond(interaction, preparedView(t, format, await prepareMove(services, own.resource, own.booking, id.start)));
  },
};

/** `bk:pick:<resource>:<booking>` — the booking meant in a text conversation. */
export const pickButton: BookingComponent = {
  customIdPrefix: 'bk:pick:',
  async execute(interaction, services) {
    const { t, format, locale } = speakerOf(interaction);
    const id = idOf(interaction, 'pick');
    const own = id && (await ownBooking(services, interaction, id));
    if (!own || !interaction.guildId) return respond(interaction, t('refused.missing'));
    const context = {
      guildId: interaction.guildId,
      userId: interaction.user.id,
      scope: interaction.channelId ?? 'dm',
      locale,
      displayName: interaction.user.displayName,
    };
    await respond(interaction, textAnswerView(t, format, await pickBooking(services, context, own.booking.id)));
  },
};
