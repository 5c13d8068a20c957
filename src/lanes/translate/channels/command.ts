/**
 * `/autotranslate targets|link|off|status` (Manage Server): `autotranslateCommand` is the slash command; `execute`
 * reads the interaction and calls `runAutotranslateCommand`, the Discord-free part, and answers privately in the
 * member's language.
 */
import {
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { described, named, NO_MENTIONS } from '../../../bot/discord/kit.ts';
import type { BotServices } from '../../../bot/discord/services.ts';
import { UserError } from '../../../core/errors.ts';
import { joinText, pick, type LocalText } from '../../../i18n/text.ts';
import { languageText } from '../../../text/language-text.ts';
import { findLanguage } from '../../../text/languages.ts';
import type { SlashCommand } from '../../discord.ts';
import { translateMessages as m } from '../messages.ts';
import { channelStore, translateSettingsOf } from './shared.ts';
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
): Promise<LocalText> {
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
      return m.channelsTargetsSet(request.channelId, list(codes.map(languageText)));
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
      return m.channelsLinked(request.channelId, languageText(a), request.otherChannelId, languageText(b));
    }
    case 'off':
      return (await services.channels.off(guildId, request.channelId))
        ? m.channelsOff(request.channelId)
        : m.channelsNotSet(request.channelId);
    case 'status': {
      const rules = await services.channels.rules(guildId);
      if (rules.length === 0) return m.channelsNone;
      return joinText(
        rules.map(({ channelId, rule }) =>
          m.channelsStatusLine(
            channelId,
            list(
              rule.outputs.map((o) =>
                o.channelId === channelId ? languageText(o.language) : m.channelsOtherOutput(o.channelId, languageText(o.language)),
              ),
            ),
          ),
        ),
      );
    }
  }
}

/** "English, Japanese" / 「英語、日本語」. */
function list(texts: readonly LocalText[]): LocalText {
  return { en: texts.map((t) => t.en).join(', '), ja: texts.map((t) => t.ja).join('、') };
}

function code(text: string): string {
  const found = findLanguage(text);
  if (!found) throw new UserError('unsupported_language', m.unknownLanguage(text));
  return found.code;
}

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

const c = m.autotranslateCommand;

export const autotranslateCommand: SlashCommand = {
  data: described(named(new SlashCommandBuilder(), c.name), c.description)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      described(named(s, c.targets), c.targetsDescription)
        .addStringOption((o) => described(named(o, c.languages), c.languagesDescription).setRequired(true).setMaxLength(100))
        .addChannelOption((o) => described(named(o, c.channel), c.channelDefault).addChannelTypes(...TEXT_CHANNELS)),
    )
    .addSubcommand((s) =>
      described(named(s, c.link), c.linkDescription)
        .addChannelOption((o) =>
          described(named(o, c.channel), c.firstChannel)
            .setRequired(true)
            .addChannelTypes(...TEXT_CHANNELS),
        )
        .addStringOption((o) => described(named(o, c.language), c.languageDescription).setRequired(true).setMaxLength(50))
        .addChannelOption((o) =>
          described(named(o, c.other), c.otherDescription)
            .setRequired(true)
            .addChannelTypes(...TEXT_CHANNELS),
        )
        .addStringOption((o) => described(named(o, c.otherLanguage), c.otherLanguageDescription).setRequired(true).setMaxLength(50)),
    )
    .addSubcommand((s) =>
      described(named(s, c.off), c.offDescription).addChannelOption((o) =>
        described(named(o, c.channel), c.channelDefault).addChannelTypes(...TEXT_CHANNELS),
      ),
    )
    .addSubcommand((s) => described(named(s, c.status), c.statusDescription))
    .toJSON(),

  async execute(interaction: ChatInputCommandInteraction, services: BotServices): Promise<void> {
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
    const maxTargets = translateSettingsOf(services).channels.maxTargets;
    const content = await runAutotranslateCommand(interaction.guildId, request, { channels: channelStore(services), maxTargets });
    services.logger.info({ guildId: interaction.guildId, by: interaction.user.id, action: sub }, 'translation channels changed');
    await interaction.reply({
      content: pick(content, services.localeOf(interaction)),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
