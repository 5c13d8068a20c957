/**
 * Slash commands, context-menu entries, autocomplete, buttons and modals, dispatched to the command or handler
 * that owns them (the bot's own, or a lane's). Lane requests are acknowledged first and answered by editing that
 * reply when the worker is done; refusals are private (only the asker sees them).
 */
import type { Interaction, RepliableInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { isRedisDown } from '../../../core/redis.ts';
import { coreMessages } from '../../../i18n/messages.ts';
import type { DiscordBot } from '../app.ts';
import { parseCustomId } from '../custom-id.ts';
import { forMember } from '../errors.ts';
import { NO_MENTIONS } from '../kit.ts';
import { componentHandlers, contextMenus, slashCommands } from '../surfaces.ts';

const commands = new Map(slashCommands().map((command) => [command.data.name, command]));
const menus = new Map(contextMenus().map((menu) => [menu.data.name, menu]));
const components = new Map(componentHandlers().map((handler) => [handler.namespace, handler]));

export async function onInteraction(bot: DiscordBot, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    await commands
      .get(interaction.commandName)
      ?.autocomplete?.(interaction, bot)
      .catch(() => undefined);
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new UserError('bad_request', coreMessages.unknownCommand(interaction.commandName));
      await command.execute(interaction, bot);
    } else if (interaction.isMessageContextMenuCommand()) {
      const menu = menus.get(interaction.commandName);
      if (!menu) throw new UserError('bad_request', coreMessages.unknownCommand(interaction.commandName));
      await menu.execute(interaction, bot);
    } else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const id = parseCustomId(interaction.customId);
      const handler = id && components.get(id.namespace);
      if (!id || !handler) throw new UserError('bad_request', coreMessages.unknownButton);
      await handler.execute(interaction, bot, id.args);
    }
  } catch (error) {
    await refuse(bot, interaction, error);
  }
}

/** The error ladder for interactions, answered privately. Redis being down reads as "try again shortly". */
async function refuse(bot: DiscordBot, interaction: RepliableInteraction, error: unknown): Promise<void> {
  const text = isRedisDown(error)
    ? coreMessages.queueUnavailable
    : forMember(error, bot.logger, { kind: 'interaction', command: commandOf(interaction) }).userMessage;
  try {
    if (bot.acknowledgedByBot(interaction) || !(interaction.deferred || interaction.replied)) {
      await bot.replyPrivately(interaction, text);
    } else {
      await interaction.editReply({ content: text[bot.localeOf(interaction)], allowedMentions: NO_MENTIONS });
    }
  } catch (replyError) {
    bot.logger.warn({ err: replyError }, 'could not tell the member about a refused interaction');
  }
}

function commandOf(interaction: RepliableInteraction): string {
  if (interaction.isCommand()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return interaction.customId.split(':')[0] ?? '';
  return '';
}
