/**
 * `/translate glossary add|remove|list|import|export` (Manage Server). `glossaryCommand.data` is the subcommand
 * group to add to `/translate` (the lead wires it); `execute` reads the interaction and calls `runGlossaryCommand`,
 * the Discord-free part, with a narrow services object.
 */
import { translateMessages as m } from '../messages.ts';
import {
  AttachmentBuilder,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandSubcommandGroupBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { LANGUAGES } from '../../../text/languages.ts';
import type { GlossaryEntry } from './entry.ts';
import { exportGlossary, parseGlossary, type GlossaryFormat } from './formats.ts';
import type { GlossaryStore } from './store.ts';

/** Languages offered as options of `add` (the others through import). */
const ADD_LANGUAGES = ['ja', 'en', 'ko', 'zh', 'fr', 'de', 'es'] as const;
const MAX_IMPORT_BYTES = 512 * 1024;

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
  readonly content: string;
  readonly file?: { readonly name: string; readonly text: string };
}

/** Runs one glossary subcommand for a server; refusals are `UserError`s. */
export async function runGlossaryCommand(guildId: string, request: GlossaryRequest, services: GlossaryServices): Promise<GlossaryReply> {
  const { glossary } = services;
  switch (request.sub) {
    case 'add': {
      const entry = await glossary.add(guildId, { term: request.term, translations: request.translations });
      return { content: `Added **${entry.term}**: ${describe(entry)}.` };
    }
    case 'remove':
      return {
        content: (await glossary.remove(guildId, request.term))
          ? `Removed **${request.term}**.`
          : `There is no **${request.term}** in this server's glossary.`,
      };
    case 'list': {
      const entries = await glossary.list(guildId);
      if (entries.length === 0) return { content: 'This server has no glossary terms yet. Add one with `/translate glossary add`.' };
      const lines = entries.map((entry) => `- **${entry.term}**: ${describe(entry)}`);
      const shown = lines.slice(0, 40).join('\n');
      return { content: lines.length > 40 ? `${shown}\n…and ${lines.length - 40} more (use export).` : shown };
    }
    case 'export': {
      const entries = await glossary.list(guildId);
      return {
        content: `${entries.length} terms.`,
        file: { name: `glossary.${request.format}`, text: exportGlossary(entries, request.format) },
      };
    }
    case 'import': {
      const format = formatOf(request.name);
      const entries = parseGlossary(request.text, format, request.name);
      await glossary.replaceAll(guildId, entries);
      return { content: `Imported ${entries.length} terms; they replace the previous glossary.` };
    }
  }
}

function describe(entry: GlossaryEntry): string {
  const fixed = Object.entries(entry.translations).map(([code, form]) => `${LANGUAGES.get(code)?.name ?? code} → ${form}`);
  return fixed.length ? `always ${fixed.join(', ')}` : 'never translated';
}

function formatOf(name: string): GlossaryFormat {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'json' || ext === 'csv') return ext;
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  throw new UserError('bad_request', m.glossaryFileType(name));
}

/** The Discord side: definition and handler. */
export const glossaryCommand = {
  data: new SlashCommandSubcommandGroupBuilder()
    .setName('glossary')
    .setDescription("This server's glossary: terms never translated or always translated one way")
    .addSubcommand((s) => {
      s.setName('add')
        .setDescription('Add a term (no translations: never translated)')
        .addStringOption((o) => o.setName('term').setDescription('The term as written').setRequired(true).setMaxLength(100));
      for (const code of ADD_LANGUAGES)
        s.addStringOption((o) =>
          o
            .setName(code)
            .setDescription(`Always written this way in ${LANGUAGES.get(code)?.name ?? code}`)
            .setMaxLength(100),
        );
      return s;
    })
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a term')
        .addStringOption((o) => o.setName('term').setDescription('The term').setRequired(true)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('List the terms'))
    .addSubcommand((s) =>
      s
        .setName('export')
        .setDescription('Download the glossary')
        .addStringOption((o) =>
          o
            .setName('format')
            .setDescription('File format')
            .addChoices({ name: 'yaml', value: 'yaml' }, { name: 'json', value: 'json' }, { name: 'csv', value: 'csv' }),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('import')
        .setDescription('Replace the glossary with a YAML, JSON or CSV (term,ja,en,...) file')
        .addAttachmentOption((o) => o.setName('file').setDescription('.yaml, .json or .csv').setRequired(true)),
    ),

  async execute(interaction: ChatInputCommandInteraction, services: GlossaryServices): Promise<void> {
    if (!interaction.guildId) throw new UserError('forbidden', m.glossaryServerOnly);
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserError('forbidden', m.glossaryAdminOnly);
    const reply = await runGlossaryCommand(interaction.guildId, await requestOf(interaction, services), services);
    await interaction.reply({
      content: reply.content,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
      files: reply.file ? [new AttachmentBuilder(Buffer.from(reply.file.text), { name: reply.file.name })] : [],
    });
  },
};

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
    return { sub, name: file.name, text: await services.download(file.url, MAX_IMPORT_BYTES) };
  }
  return { sub: 'list' };
}
