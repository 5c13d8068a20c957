/** `/mybookings` — the member's upcoming bookings, each with Change and Cancel buttons. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { upcomingOf } from '../../actions/text.ts';
import { bookingLines } from '../../present.ts';
import type { BookingServices } from '../../services.ts';
import type { BookingCommand } from '../contract.ts';
import { describe } from '../describe.ts';
import { EPHEMERAL, NO_PINGS, speakerOf } from '../reply.ts';
import { myBookingsView } from '../views.ts';

const data = describe(new SlashCommandBuilder().setName('mybookings'), 'cmd.mybookings').setContexts(0);

async function execute(interaction: ChatInputCommandInteraction, services: BookingServices): Promise<void> {
  const { t, format } = speakerOf(interaction);
  if (!interaction.guildId)
    return void (await interaction.reply({ content: t('refused.guild_only'), flags: EPHEMERAL, allowedMentions: NO_PINGS }));
  const owned = await upcomingOf(services, interaction.guildId, interaction.user.id);
  await interaction.reply({
    ...myBookingsView(t, format, owned, bookingLines(t, format, owned)),
    flags: EPHEMERAL,
    allowedMentions: NO_PINGS,
  });
}

/** `/mybookings` */
export const myBookingsCommand = { data, execute } satisfies BookingCommand;
