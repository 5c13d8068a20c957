/**
 * `/settings show|set`: in a server, Manage Server only, every change logged with who made it; in a DM, a member
 * shows or changes their own values of the settings members may set (`perMember`). Answered privately.
 */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import type { LocalText } from '../../../i18n/text.ts';
import type { SlashCommand } from '../../../lanes/discord.ts';
import { described } from '../kit.ts';
import { settingsMessages as m } from '../messages.ts';
import type { BotServices } from '../services.ts';
import { allSettings } from '../settings.ts';

function data() {
  // The choice shows what the key does, in the member's language; the value stays the key.
  const keys = allSettings().map((setting) => ({
    name: setting.describe.en.slice(0, 100),
    name_localizations: { ja: setting.describe.ja.slice(0, 100) },
    value: setting.key,
  }));
  return described(new SlashCommandBuilder().setName('settings').setNameLocalizations({ ja: '設定' }), m.commandDescription)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addSubcommand((s) => described(s.setName('show').setNameLocalizations({ ja: '表示' }), m.showDescription))
    .addSubcommand((s) =>
      described(s.setName('set').setNameLocalizations({ ja: '変更' }), m.setDescription)
        .addStringOption((o) =>
          described(o.setName('key').setNameLocalizations({ ja: '項目' }), m.keyOption)
            .setRequired(true)
            .addChoices(...keys.slice(0, 25)),
        )
        .addStringOption((o) => described(o.setName('value').setNameLocalizations({ ja: '値' }), m.valueOption).setRequired(true))
        .addStringOption((o) =>
          described(o.setName('scope').setNameLocalizations({ ja: '範囲' }), m.scopeOption).addChoices(
            { name: m.scopeServer.en, name_localizations: { ja: m.scopeServer.ja }, value: 'guild' },
            { name: m.scopeCategory.en, name_localizations: { ja: m.scopeCategory.ja }, value: 'category' },
            { name: m.scopeChannel.en, name_localizations: { ja: m.scopeChannel.ja }, value: 'channel' },
          ),
        ),
    )
    .toJSON();
}

/** The settings scope a change applies to: the server, this channel (or thread), or this channel's category. */
function scopeOf(interaction: ChatInputCommandInteraction, choice: string | null): { scope: string; where: LocalText } {
  if (choice === 'channel') return { scope: `channel:${interaction.channelId}`, where: m.whereChannel };
  if (choice === 'category') {
    const channel = interaction.channel;
    const base = channel?.isThread() ? channel.parent : channel;
    const categoryId = base && 'parentId' in base ? base.parentId : null;
    if (!categoryId) throw new UserError('bad_request', m.noCategory);
    return { scope: `channel:${categoryId}`, where: m.whereCategory };
  }
  return { scope: `guild:${interaction.guildId}`, where: m.whereServer };
}

/** A member's own settings for their DMs. */
async function inDm(interaction: ChatInputCommandInteraction, services: BotServices): Promise<void> {
  const userId = interaction.user.id;
  if (interaction.options.getSubcommand() === 'show') {
    const settings = await services.settingsFor(interaction);
    const lines = allSettings()
      .filter((setting) => setting.perMember)
      .map((setting) => `- **${setting.key}**: \`${JSON.stringify(settings.get(setting))}\``);
    await services.replyPrivately(interaction, { en: [m.shownInDms.en, ...lines].join('\n'), ja: [m.shownInDms.ja, ...lines].join('\n') });
    return;
  }
  const key = interaction.options.getString('key', true);
  const stored = await services.changeMemberSetting(userId, key, interaction.options.getString('value', true));
  services.logger.info({ scope: 'member-dm', key, value: stored, by: userId }, 'setting changed');
  await services.replyPrivately(interaction, stored === null ? m.resetInDms(key) : m.changedInDms(key, stored));
}

export const settingsCommand: SlashCommand = {
  data: data(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    if (!interaction.guildId) return inDm(interaction, services);
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserError('forbidden', m.adminOnly);
    if (interaction.options.getSubcommand() === 'show') {
      const settings = await services.settingsFor(interaction);
      const lines = settings.entries().map(([key, value]) => `- **${key}**: \`${JSON.stringify(value)}\``);
      const header = m.shown(`<#${interaction.channelId}>`);
      await services.replyPrivately(interaction, { en: `${header.en}\n${lines.join('\n')}`, ja: `${header.ja}\n${lines.join('\n')}` });
      return;
    }
    const key = interaction.options.getString('key', true);
    const value = interaction.options.getString('value', true);
    const { scope, where } = scopeOf(interaction, interaction.options.getString('scope'));
    const stored = await services.changeSetting(scope, interaction.guildId, key, value, interaction.user.id);
    services.logger.info({ guildId: interaction.guildId, scope, key, value: stored, by: interaction.user.id }, 'setting changed');
    await services.replyPrivately(interaction, stored === null ? m.reset(key, where) : m.changed(key, stored, where));
  },
};
