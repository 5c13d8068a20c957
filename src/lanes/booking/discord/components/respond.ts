/**
 * Answering a component: a click on the public panel gets a private reply; a click on a private message (a card,
 * time buttons) replaces that message, so the member sees one card at a time.
 */
import { MessageFlags } from 'discord.js';
import type { BookingAction, BookingCustomId } from '../custom-ids.ts';
import { parseCustomId } from '../custom-ids.ts';
import type { BookingComponentInteraction } from '../contract.ts';
import { EPHEMERAL, NO_PINGS } from '../reply.ts';
import type { View } from '../views.ts';

function onPrivateMessage(interaction: BookingComponentInteraction): boolean {
  if (interaction.isModalSubmit() && !interaction.isFromMessage()) return false;
  return interaction.message?.flags.has(MessageFlags.Ephemeral) ?? false;
}

/** Shows `view` to the member who clicked. */
export async function respond(interaction: BookingComponentInteraction, view: View | string): Promise<void> {
  const body =
    typeof view === 'string'
      ? { content: view, embeds: [], components: [] }
      : { content: view.content ?? '', embeds: view.embeds, components: view.components };
  if (onPrivateMessage(interaction) && (interaction.isMessageComponent() || interaction.isFromMessage())) {
    await interaction.update({ ...body, allowedMentions: NO_PINGS });
  } else {
    await interaction.reply({ ...body, flags: EPHEMERAL, allowedMentions: NO_PINGS });
  }
}

/** The interaction's custom id parsed as `action`; undefined for anything else (an old or forged id). */
export function idOf<A extends BookingAction>(
  interaction: BookingComponentInteraction,
  action: A,
): Extract<BookingCustomId, { action: A }> | undefined {
  const id = parseCustomId(interaction.customId);
  return id?.action === action ? (id as Extract<BookingCustomId, { action: A }>) : undefined;
}
