/** `/settings show|set`: Manage Server only; every change is logged with who made it. */
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import type { DiscordBot } from '../app.ts';
import type { SettingKey } from '../settings.ts';

export async function handleSettings(bot: DiscordBot, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!interaction.guildId) throw new UserError('bad_request', 'Settings belong to a server; use /settings there.');
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError('bad_request', 'Only members with the Manage Server permission can change settings.');
  }
  const channelId = interaction.channelId;
  const channel = interaction.channel;
  const parent = channel && 'parentId' in channel ? channel.parentId : null;
  const chain = { guildId: interaction.guildId, channelIds: parent ? [parent, channelId] : [channelId] };
  if (interaction.options.getSubcommand() === 'show') {
    const settings = await bot.settings.resolve(chain);
    const lines = Object.entries(settings).map(([key, value]) => `- **${key}**: \`${JSON.stringify(value)}\``);
    await interaction.reply({ content: `Settings in <#${channelId}>:\n${lines.join('\n')}`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  const key = interaction.options.getString('key', true) as SettingKey;
  const value = interaction.options.getString('value', true);
  const scope = interaction.options.getString('scope') === 'channel' ? `channel:${channelId}` : `guild:${interaction.guildId}`;
  const stored = await bot.settings.set(scope, interaction.guildId, key, value, interaction.user.id);
  bot.logger.info({ guildId: interaction.guildId, scope, key, value: stored, by: interaction.user.id }, 'setting changed');
  await interaction.reply({ content: `✅ **${key}** is now ${stored} for ${scope.startsWith('channel') ? 'this channel' : 'the whole server'}.`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}
