/** `/booking …` for admins (Manage Server): resources, hours, exceptions, time zone, panels, lists, export, cancel. */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { newId } from '../../model.ts';
import { plainFormat } from '../../present.ts';
import type { BookingServices } from '../../services.ts';
import type { BookingCommand } from '../contract.ts';
import { clip, LABEL_CHARS, MENU_OPTIONS } from '../limits.ts';
import { panelMessage } from '../panels.ts';
import { EPHEMERAL, NO_PINGS, speakerOf } from '../reply.ts';
import { bookingRef, cancelCommand, exportCommand, listCommand } from './admin-records.ts';
import { resourceCommand } from './admin-resources.ts';
import { exceptionCommand, hoursCommand, timezoneCommand, zoneChoices } from './admin-schedule.ts';
import { findResource } from './book.ts';
import { bookingAdminData } from './booking-definition.ts';

async function postPanel(interaction: ChatInputCommandInteraction, services: BookingServices, guildId: string): Promise<string> {
  const { t } = speakerOf(interaction);
  const name = interaction.options.getString('resource', true);
  const resource = await findResource(services, guildId, name);
  if (!resource) return t('refused.unknown_resource', { name });
  const channel = interaction.options.getChannel('channel') ?? interaction.channel;
  if (!channel || !('send' in channel) || !channel.isTextBased() || !('messages' in channel)) return t('admin.no_channel');
  const view = await panelMessage(services, resource, interaction.guild?.preferredLocale ?? interaction.guildLocale ?? 'en-US');
  const message = await channel.send({ embeds: view.embeds, components: view.components, allowedMentions: NO_PINGS });
  await services.resources.savePanel({
    id: newId('p'),
    guildId,
    resourceId: resource.id,
    channelId: channel.id,
    messageId: message.id,
    createdAt: services.clock.now(),
  });
  return t('panel.posted', { resource: resource.name, channelId: channel.id });
}

async function execute(interaction: ChatInputCommandInteraction, services: BookingServices): Promise<void> {
  const { t, format } = speakerOf(interaction);
  const guildId = interaction.guildId;
  // Discord hides the command from members without Manage Server; check anyway (permissions can be overridden).
  if (!guildId || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    return void (await interaction.reply({ content: t('refused.guild_only'), flags: EPHEMERAL, allowedMentions: NO_PINGS }));
  }
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand();
  // Exports and panels read many slots: acknowledge first, answer within the 15-minute token.
  if (sub === 'export' || sub === 'panel') {
    await interaction.deferReply({ flags: EPHEMERAL });
    const answer =
      sub === 'export'
        ? await exportCommand(interaction, services, guildId, t)
        : { content: await postPanel(interaction, services, guildId) };
    return void (await interaction.editReply({ ...answer, allowedMentions: NO_PINGS }));
  }
  const content =
    group === 'resource'
      ? await resourceCommand(interaction, services, guildId, t)
      : group === 'exception'
        ? await exceptionCommand(interaction, services, guildId, t)
        : sub === 'hours'
          ? await hoursCommand(interaction, services, guildId, t)
          : sub === 'timezone'
            ? await timezoneCommand(interaction, services, guildId, t)
            : sub === 'list'
              ? await listCommand(interaction, services, guildId, t, format)
              : await cancelCommand(interaction, services, guildId, t, format);
  services.logger.info(
    { guildId, by: interaction.user.id, command: ['booking', group, sub].filter(Boolean).join(' ') },
    'booking admin command',
  );
  await interaction.reply({ content, flags: EPHEMERAL, allowedMentions: NO_PINGS });
}

async function autocomplete(interaction: AutocompleteInteraction, services: BookingServices): Promise<void> {
  const guildId = interaction.guildId;
  if (!guildId) return interaction.respond([]);
  const focused = interaction.options.getFocused(true);
  const typed = focused.value.toLowerCase();
  if (focused.name === 'zone') return interaction.respond(zoneChoices(focused.value, MENU_OPTIONS));
  if (focused.name === 'booking') {
    const { locale } = speakerOf(interaction);
    const zone = (await services.resources.settings(guildId)).timeZone;
    const format = plainFormat(locale, zone);
    const now = services.clock.now();
    const all = (
      await Promise.all(
        (await services.resources.list(guildId)).map(async (resource) =>
          (await services.bookings.between(resource, now, Infinity)).map((booking) => ({ booking, resource })),
        ),
      )
    )
      .flat()
      .map((o) => ({
        name: clip(`${format.when(o.booking.start)} ${o.resource.name} — ${o.booking.name} (${o.booking.party})`, LABEL_CHARS),
        value: bookingRef(o.resource, o.booking),
      }))
      .filter((choice) => choice.name.toLowerCase().includes(typed));
    return interaction.respond(all.slice(0, MENU_OPTIONS));
  }
  const resources = (await services.resources.list(guildId)).filter((r) => r.name.toLowerCase().includes(typed));
  await interaction.respond(resources.slice(0, MENU_OPTIONS).map((r) => ({ name: clip(r.name, LABEL_CHARS), value: r.id })));
}

/** `/booking` (Manage Server). */
export const bookingAdminCommand = { data: bookingAdminData(), execute, autocomplete } satisfies BookingCommand;
