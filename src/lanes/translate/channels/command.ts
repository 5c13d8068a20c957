/**
 * `/autotranslate targets|link|off|status` (Manage Server): `autotranslateCommand.data` is the slash command and
 * `execute` reads the interaction and calls `runAutotranslateCommand`, the Discord-free part, with a narrow
 * services object (the lead wires both).
 */
import { translateMessages as m } from '../messages.ts';
import { ChannelType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { findLanguage, languageName } from '../../../text/languages.ts';
import type { ChannelStore } from './store.ts';

export interface AutotranslateServices {
  readonly channels: Pick<ChannelStore, 'setTargets' | 'link' | 'off' | 'rules'>;
  /** Most target languages per channel (`translate.channels.maxTargets`). */
  readonly maxTargets: number;
}

export type AutotranslateRequest =
  | { readonly sub: 'targets'; readonly channelId: string; readonly languages: string }
  | {
      readonly sub: 'link';
      readonly channelId: string;
      readonly language: string;
      readonly otherChannelId: string;
      readonly otherLanguage: string;
    }
  | { readonly sub: 'off'; readonly channelId: string }
  | { readonly sub: 'status' };

/** Runs one subcommand for a server; refusals are `UserError`s with the fix in them. */
export async function runAutotranslateCommand(
  guildId: string,
  request: AutotranslateRequest,
  services: AutotranslateServices,
): Promise<string> {
  switch (request.sub) {
    case 'targets': {
      const codes = [
        ...new Set(
          request.languages
            .split(/[,、\s]+/u)
            .filter(Boolean)
            .map(code),
        ),
      ];
      if (codes.length === 0) throw new UserError('bad_request', m.channelsNeedLanguage);
      if (codes.length > services.maxTargets) throw new UserError('bad_request', m.channelsTooMany(services.maxTargets));
      await services.channels.setTargets(guildId, request.channelId, codes);
      return `Messages in <#${request.channelId}> are now translated into ${codes.map(languageName).join(', ')}.`;
    }
    case 'link': {
      if (request.channelId === request.otherChannelId) throw new UserError('bad_request', m.channelsSame);
      const [a, b] = [code(request.language), code(request.otherLanguage)];
      if (a === b) throw new UserError('bad_request', m.channelsSameLanguage);
      await services.channels.link(
        guildId,
        { channelId: request.channelId, language: a },
        { channelId: request.otherChannelId, language: b },
      );
      return `Linked <#${request.channelId}> (${languageName(a)}) and <#${request.otherChannelId}> (${languageName(b)}): each message is reposted in the other, translated.`;
    }
    case 'off':
      return (await services.channels.off(guildId, request.channelId))
        ? `Translation is off in <#${request.channelId}>.`
        : `<#${request.channelId}> had no translation set up.`;
    case 'status': {
      const rules = await services.channels.rules(guildId);
      if (rules.length === 0) return 'No translation channels yet. Use `/autotranslate targets` or `/autotranslate link`.';
      return rules
        .map(
          ({ channelId, rule }) =>
            `- <#${channelId}> → ${rule.outputs.map((o) => (o.channelId === channelId ? languageName(o.language) : `<#${o.channelId}> (${languageName(o.language)})`)).join(', ')}`,
        )
        .join('\n');
    }
  }
}

function code(text: string): string {
  const found = findLanguage(text);
  if (!found) throw new UserError('unsupported_language', m.unknownLanguage(text));
  return found.code;
}

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export const autotranslateCommand = {
  data: new SlashCommandBuilder()
    .setName('autotranslate')
    .setDescription('Translation channels (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(0)
    .addSubcommand((s) =>
      s
        .setName('targets')
        .setDescription("Post translations of this channel's messages, into one or more languages")
        .addStringOption((o) => o.setName('languages').setDescription('e.g. en, ja').setRequired(true))
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Default: this channel')
            .addChannelTypes(...TEXT_CHANNELS),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('link')
        .setDescription('Link two channels: each message is reposted in the other, translated, as its author')
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('First channel')
            .setRequired(true)
            .addChannelTypes(...TEXT_CHANNELS),
        )
        .addStringOption((o) => o.setName('language').setDescription("The first channel's language").setRequired(true))
        .addChannelOption((o) =>
          o
            .setName('other')
            .setDescription('Second channel')
            .setRequired(true)
            .addChannelTypes(...TEXT_CHANNELS),
        )
        .addStringOption((o) => o.setName('other-language').setDescription("The second channel's language").setRequired(true)),
    )
    .addSubcommand((s) =>
      s
        .setName('off')
        .setDescription('Stop translating a channel (and its linked partner)')
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Default: this channel')
            .addChannelTypes(...TEXT_CHANNELS),
        ),
    )
    .addSubcommand((s) => s.setName('status').setDescription("This server's translation channels")),

  async execute(interaction: ChatInputCommandInteraction, services: AutotranslateServices): Promise<void> {
    if (!interaction.guildId) throw new UserError('forbidden', m.channelsServerOnly);
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserError('forbidden', m.channelsAdminOnly);
    const options = interaction.options;
    const here = options.getChannel('channel')?.id ?? interaction.channelId;
    const sub = options.getSubcommand();
    const request: AutotranslateRequest =
      sub === 'targets'
        ? { sub, channelId: here, languages: options.getString('languages', true) }
        : sub === 'link'
          ? {
              sub,
              channelId: here,
              language: options.getString('language', true),
              otherChannelId: options.getChannel('other', true).id,
              otherLanguage: options.getString('other-language', true),
            }
          : sub === 'off'
            ? { sub, channelId: here }
            : { sub: 'status' };
    const content = await runAutotranslateCommand(interaction.guildId, request, services);
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  },
};
