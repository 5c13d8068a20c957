/** `/settings show|set`: Manage Server only; every change is logged with who made it. */
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { interactionScope } from '../access.ts';
import type { DiscordBot } from '../app.ts';
import type { SettingKey } from '../settings.ts';

export async function handleSettings(bot: DiscordBot, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!interaction.guildId) throw new UserError('bad_request', 'Settings belong to a server; use /settings there.');
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError('bad_request', 'Only members with the Manage Server permission can change settings.');
  }
  const channelId = interaction.channelId;
  if (interaction.options.getSubcommand() === 'show') {
    const settings = await bot.settings.resolve(interactionScope(interaction));
    const lines = Object.entries(settings).map(([key, value]) => `- **${key}**: \`${JSON.stringify(value)}\``);
    await interaction.reply({
      content: `Settings in <#${channelId}>:\n${lines.join('\n')}`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const key = interaction.options.getString('key', true) as SettingKey;
  const value = interaction.options.getString('value', true);
  const scope = scopeOf(interaction, interaction.options.getString('scope'));
  const stored = await bot.settings.set(scope, interaction.guildId, key, value, interaction.user.id);
  bot.logger.info({ guildId: interaction.guildId, scope, key, value: stored, by: interaction.user.id }, 'setting changed');
  const where = scope.startsWith('guild')
    ? 'the whole server'
    : interaction.options.getString('scope') === 'category'
      ? 'this category'
      : 'this channel';
  await interaction.reply({
    content: `✅ **${key}** is now ${stored} for ${where}.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

/** The settings scope a change applies to: the server, this channel (or thread), or this channel's category. */
function scopeOf(interaction: ChatInputCommandInteraction, choice: string | null): string {
  if (choice === 'channel') return `channel:${interaction.channelId}`;
  if (choice === 'category') {
    const channel = interaction.channel;
    const base = channel?.isThread() ? channel.parent : channel;
    const categoryId = base && 'parentId' in base ? base.parentId : null;
    if (!categoryId) throw new UserError('bad_request', 'This channel is not in a category.');
    return `channel:${categoryId}`;
  }
  return `guild:${interaction.guildId}`;
}
