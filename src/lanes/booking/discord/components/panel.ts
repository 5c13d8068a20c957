/**
 * The panel flow: day menu -> time buttons with free places -> booking form (party, name, note) -> card.
 */
import { dayAvailability } from '../../actions/availability.ts';
import { prepareBook } from '../../actions/prepare.ts';
import type { BookingServices } from '../../services.ts';
import { localLabel } from '../../time/zone.ts';
import type { BookingComponent, BookingComponentInteraction } from '../contract.ts';
import { customId, menuDateSchema } from '../custom-ids.ts';
import { speakerOf } from '../reply.ts';
import { bookingForm, preparedView, timesView } from '../views.ts';
import { idOf, respond } from './respond.ts';

/** The resource a panel control is about, or the message saying the panel is no longer in use. */
async function panelResource(services: BookingServices, interaction: BookingComponentInteraction, resourceId: string) {
  return interaction.guildId ? services.resources.get(interaction.guildId, resourceId) : undefined;
}

/** `bk:day:<resource>` — the panel's day menu: time buttons for that day. */
export const dayMenu: BookingComponent = {
  customIdPrefix: 'bk:day:',
  async execute(interaction, services) {
    const { t, format } = speakerOf(interaction);
    const id = idOf(interaction, 'day');
    const resource = id && (await panelResource(services, interaction, id.resourceId));
    const date = interaction.isStringSelectMenu() ? menuDateSchema.safeParse(interaction.values[0]) : undefined;
    if (!resource || !date?.success) return respond(interaction, t('refused.panel_gone'));
    const slots = await dayAvailability(services, resource, date.data);
    if (slots.length === 0) return respond(interaction, t('refused.closed_day', { resource: resource.name, date: format.date(date.data) }));
    await respond(
      interaction,
      timesView(t, resource, format.date(date.data), slots, (slot) =>
        customId({ action: 'time', resourceId: resource.id, start: slot.start }),
      ),
    );
  },
};

/** `bk:time:<resource>:<start>` — opens the booking form. */
export const timeButton: BookingComponent = {
  customIdPrefix: 'bk:time:',
  async execute(interaction, services) {
    const { t } = speakerOf(interaction);
    const id = idOf(interaction, 'time');
    const resource = id && (await panelResource(services, interaction, id.resourceId));
    if (!id || !resource) return respond(interaction, t('refused.panel_gone'));
    if (interaction.isModalSubmit()) return respond(interaction, t('refused.panel_gone'));
    const time = localLabel(id.start, await services.resources.timeZoneOf(resource)).time;
    const displayName =
      interaction.member && 'displayName' in interaction.member ? interaction.member.displayName : interaction.user.displayName;
    await interaction.showModal(bookingForm(t, resource, id.start, time, displayName));
  },
};

/** `bk:form:<resource>:<start>` — the form: a confirmation card. */
export const bookingFormSubmit: BookingComponent = {
  customIdPrefix: 'bk:form:',
  async execute(interaction, services) {
    const { t, format, locale } = speakerOf(interaction);
    const id = idOf(interaction, 'form');
    const resource = id && (await panelResource(services, interaction, id.resourceId));
    if (!id || !resource || !interaction.isModalSubmit()) return respond(interaction, t('refused.panel_gone'));
    const party = Number(interaction.fields.getTextInputValue('party').normalize('NFKC').trim());
    if (!Number.isInteger(party) || party < 1) return respond(interaction, t('refused.party_invalid'));
    const prepared = await prepareBook(services, {
      resource,
      userId: interaction.user.id,
      start: id.start,
      party,
      name: interaction.fields.getTextInputValue('name').trim().slice(0, 100),
      note: (interaction.fields.getTextInputValue('note') ?? '').trim().slice(0, 500),
      locale,
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    });
    await respond(interaction, preparedView(t, format, prepared));
  },
};
