/**
 * `/glossary add|remove|list|export|import` (Manage Server): the server's translation glossary. A separate command,
 * not a group of `/translate`, because Discord refuses a command with both options (`/translate text: to:`) and
 * subcommands. `runGlossaryCommand` is the Discord-free part; `glossaryCommand` reads the interaction and answers
 * privately in the member's language.
 */
import {
  AttachmentBuilder,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { described, named, NO_MENTIONS } from '../../../bot/discord/kit.ts';
import type { BotServices } from '../../../bot/discord/services.ts';
import { UserError } from '../../../core/errors.ts';
import { fetchCapped } from '../../../core/http/fetch-capped.ts';
import { joinText, pick, type LocalText } from '../../../i18n/text.ts';
import { languageText } from '../../../text/language-text.ts';
import type { SlashCommand } from '../../discord.ts';
import { translateMessages as m } from '../messages.ts';
import { translateSettingsOf } from '../channels/shared.ts';
import type { GlossaryEntry } from './entry.ts';
import { exportGlossary, parseGlossary, type GlossaryFormat } from './formats.ts';
import { GlossaryStore } from './store.ts';

/** Languages offered as options of `add` (the others through import). */
const ADD_LANGUAGES = ['ja', 'en', 'ko', 'zh', 'fr', 'de', 'es'] as const;
const MAX_IMPORT_BYTES = 512 * 1024;
/** Terms shown by `list` (the rest through export): keeps the reply under Discord's 2,000 characters. */
const LIST_SHOWN = 40;

export interface GlossaryServices {
  readonly glossary: Pick<GlossaryStore, 'add' | 'remove' | 'list' | 'replaceAll'>;
  /** Downloads an attachment (the bot's checked fetch). */
  readonly download?: (url: string, maxBytes: number) => Promise<string>;
}

export type GlossaryRequest =
  | { readonly sub: 'add'; readonly term: string; readonly translations: Readonly<Record<string, string>> }
  | { readonly sub: 'remove'; readonly term: string }
  | { readonly sub: 'list' }
  | { readonly sub: 'export'; readonly format: GlossaryFormat }
  | { readonly sub: 'import'; readonly name: string; readonly text: string };

export interface GlossaryReply {
  readonly content: LocalText;
  readonly file?: { readonly name: string; readonly text: string };
}

/** Runs one glossary subcommand for a server; refusals are `UserError`s. */
export async function runGlossaryCommand(guildId: string, request: GlossaryRequest, services: GlossaryServices): Promise<GlossaryReply> {
  const { glossary } = services;
  switch (request.sub) {
    case 'add': {
      const entry = await glossary.add(guildId, { term: request.term, translations: request.translations });
      return { content: m.glossaryAdded(entry.term, describe(entry)) };
    }
    case 'remove':
      return {
        content: (await glossary.remove(guildId, request.term)) ? m.glossaryRemoved(request.term) : m.glossaryMissing(request.term),
      };
    case 'list': {
      const entries = await glossary.list(guildId);
      if (entries.length === 0) return { content: m.glossaryEmpty };
      const lines = entries.slice(0, LIST_SHOWN).map((entry) => prefixed(`- **${entry.term}**: `, describe(entry)));
      if (entries.length > LIST_SHOWN) lines.push(m.glossaryMore(entries.length - LIST_SHOWN));
      return { content: joinText(lines) };
    }
    case 'export': {
      const entries = await glossary.list(guildId);
      return {
        content: m.glossaryExported(entries.length),
        file: { name: `glossary.${request.format}`, text: exportGlossary(entries, request.format) },
      };
    }
    case 'import': {
      const format = formatOf(request.name);
      const entries = parseGlossary(request.text, format, request.name);
      await glossary.replaceAll(guildId, entries);
      return { content: m.glossaryImported(entries.length) };
    }
  }
}

function describe(entry: GlossaryEntry): LocalText {
  const fixed = Object.entries(entry.translations).map(([code, form]) => m.glossaryForm(languageText(code), form));
  return fixed.length ? m.glossaryAlways(joinText(fixed, ', ')) : m.glossaryNever;
}

/** A Japanese language name as an option name: letters only (Discord refuses 「（」). */
function optionName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]/gu, '');
}

function prefixed(prefix: string, text: LocalText): LocalText {
  return { en: prefix + text.en, ja: prefix + text.ja };
}

function formatOf(name: string): GlossaryFormat {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'json' || ext === 'csv') return ext;
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  throw new UserError('bad_request', m.glossaryFileType(name));
}

const c = m.glossaryCommand;

/** The Discord side: definition and handler; the store is one per bot. */
export const glossaryCommand: SlashCommand = {
  data: described(named(new SlashCommandBuilder(), c.name), c.description)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => {
      described(named(s, c.add), c.addDescription).addStringOption((o) =>
        described(named(o, c.term), c.termDescription).setRequired(true).setMaxLength(100),
      );
      for (const code of ADD_LANGUAGES)
        s.addStringOption((o) =>
          described(
            o.setName(code).setNameLocalizations({ ja: optionName(languageText(code).ja) }),
            c.addLanguage(languageText(code)),
          ).setMaxLength(100),
        );
      return s;
    })
    .addSubcommand((s) =>
      described(named(s, c.remove), c.removeDescription).addStringOption((o) =>
        described(named(o, c.term), c.removeTerm).setRequired(true).setMaxLength(100),
      ),
    )
    .addSubcommand((s) => described(named(s, c.list), c.listDescription))
    .addSubcommand((s) =>
      described(named(s, c.export), c.exportDescription).addStringOption((o) =>
        described(named(o, c.format), c.formatDescription).addChoices(
          ...(['yaml', 'json', 'csv'] as const).map((format) => ({
            name: format,
            name_localizations: { ja: format.toUpperCase() },
            value: format,
          })),
        ),
      ),
    )
    .addSubcommand((s) =>
      described(named(s, c.import), c.importDescription).addAttachmentOption((o) =>
        described(named(o, c.file), c.fileDescription).setRequired(true),
      ),
    )
    .toJSON(),

  async execute(interaction: ChatInputCommandInteraction, services: BotServices): Promise<void> {
    if (!interaction.guildId) throw new UserError('forbidden', m.glossaryServerOnly);
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserError('forbidden', m.glossaryAdminOnly);
    const own = glossaryServices(services);
    const request = await requestOf(interaction, own);
    const reply = await runGlossaryCommand(interaction.guildId, request, own);
    services.logger.info({ guildId: interaction.guildId, by: interaction.user.id, action: request.sub }, 'glossary command');
    const body = {
      content: pick(reply.content, services.localeOf(interaction)),
      allowedMentions: NO_MENTIONS,
      files: reply.file ? [new AttachmentBuilder(Buffer.from(reply.file.text), { name: reply.file.name })] : [],
    };
    if (interaction.deferred) await interaction.editReply(body);
    else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  },
};

/** The bot's one glossary store, and the attachment download `/faq import` also uses (Discord's CDN only, capped). */
function glossaryServices(services: BotServices): GlossaryServices {
  return services.shared('translate:glossary', () => {
    const settings = translateSettingsOf(services);
    const glossary = new GlossaryStore({
      redis: services.redis,
      prefix: services.config.redis.prefix,
      maxTerms: settings.glossaryMaxTerms,
      logger: services.logger,
    });
    const download = async (url: string, maxBytes: number) =>
      new TextDecoder().decode(
        await fetchCapped(url, {
          maxBytes,
          allowedHosts: services.config.attachments.hosts,
          timeoutMs: 30_000,
          tooLarge: () => new UserError('bad_request', m.glossaryFileTooLarge(url.split('/').pop()?.split('?')[0] ?? 'file')),
        }),
      );
    return { glossary, download };
  });
}

async function requestOf(interaction: ChatInputCommandInteraction, services: GlossaryServices): Promise<GlossaryRequest> {
  const options = interaction.options;
  const sub = options.getSubcommand();
  if (sub === 'add') {
    const translations: Record<string, string> = {};
    for (const code of ADD_LANGUAGES) {
      const value = options.getString(code)?.trim();
      if (value) translations[code] = value;
    }
    return { sub, term: options.getString('term', true), translations };
  }
  if (sub === 'remove') return { sub, term: options.getString('term', true) };
  if (sub === 'export') return { sub, format: formatOf(`glossary.${options.getString('format') ?? 'yaml'}`) };
  if (sub === 'import') {
    const file = options.getAttachment('file', true);
    if (file.size > MAX_IMPORT_BYTES) throw new UserError('bad_request', m.glossaryFileTooLarge(file.name));
    if (!services.download) throw new UserError('unavailable', m.glossaryImportUnavailable);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    return { sub, name: file.name, text: await services.download(file.url, MAX_IMPORT_BYTES) };
  }
  return { sub: 'list' };
}
