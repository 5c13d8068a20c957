/**
 * A lane request made through an interaction (slash command, context menu, button): check the lane is on
 * here, rate-limit, acknowledge within Discord's 3 s, then queue; the answer replaces the "thinking" reply.
 */
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RepliableInteraction,
} from 'discord.js';
import { UserError } from '../../core/errors.ts';
import type { LaneInput, LaneName } from '../../lanes/registry.ts';
import type { JobContext } from '../../queue/envelope.ts';
import { interactionScope } from './access.ts';
import type { DiscordBot } from './app.ts';

export function contextOf(interaction: RepliableInteraction): JobContext {
  return {
    origin: 'discord',
    userId: interaction.user.id,
    locale: interaction.locale,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
  };
}

export function settingsFor(bot: DiscordBot, interaction: RepliableInteraction) {
  return bot.settings.resolve(interactionScope(interaction));
}

type LaneInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/** `messageId`: the message the request is about, for a channel reply once the token has expired. */
export async function runLane<L extends LaneName>(
  bot: DiscordBot,
  interaction: LaneInteraction,
  lane: L,
  input: LaneInput<L>,
  messageId?: string,
): Promise<void> {
  const settings = await settingsFor(bot, interaction);
  if (!settings.lanes.includes(lane)) throw new UserError('unavailable', `That feature (${lane}) is turned off here.`);
  const context = contextOf(interaction);
  await bot.admit(context);
  await interaction.deferReply();
  const target = {
    kind: 'interaction' as const,
    applicationId: interaction.applicationId,
    token: interaction.token,
    createdAt: interaction.createdTimestamp,
    channelId: interaction.channelId ?? '',
    userId: interaction.user.id,
    ...(messageId ? { messageId } : {}),
  };
  await bot.submit({ lane, sourceId: interaction.id, input, target, context });
}
