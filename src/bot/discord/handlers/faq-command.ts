/**
 * `/faq import|add|edit|remove|list|status|misses|learn|threshold`: Manage Server only, answered privately (the
 * FAQ's own answers stay public). Every change increments the guild's FAQ version, which workers check on each job.
 */
import { MessageFlags, PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { formatFromName, parseFaqDocument } from '../../../lanes/faq/formats.ts';
import { checkUrl } from '../../../lanes/transcribe/fetch.ts';
import type { DiscordBot } from '../app.ts';
import { NO_MENTIONS, type Component } from '../deliver.ts';
import { addEntry, editEntry, learnMiss } from './faq-edits.ts';
import { listPage, missesView, statusText } from './faq-views.ts';

/** Largest FAQ file accepted from Discord: thousands of entries, far from a memory risk. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type Reply = (content: string, components?: Component[]) => Promise<void>;

/** The guild of an admin's interaction, or a refusal. Shared with the `/faq` buttons. */
export function adminGuild(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  if (!interaction.guildId) throw new UserError('bad_request', 'The FAQ belongs to a server; use /faq there.');
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError('bad_request', 'Only members with the Manage Server permission can manage the FAQ.');
  }
  return interaction.guildId;
}

export async function handleFaq(bot: DiscordBot, interaction: ChatInputCommandInteraction): Promise<void> {
  const guildId = adminGuild(interaction);
  const options = interaction.options;
  const sub = options.getSubcommand();
  const reply: Reply = async (content, components = []) => {
    const body = { content, components: components as never, allowedMentions: NO_MENTIONS as never };
    if (interaction.deferred) await interaction.editReply(body);
    else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  };
  const faq = bot.faq;
  const log = (change: Record<string, unknown>) => bot.logger.info({ guildId, by: interaction.user.id, ...change }, 'FAQ changed');
  switch (sub) {
    case 'import': {
      const attachment = options.getAttachment('file', true);
      const mode = options.getString('mode') === 'replace' ? 'replace' : 'merge';
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const text = await download(attachment.url, attachment.size, bot.config.attachments.hosts);
      const entries = parseFaqDocument(text, formatFromName(attachment.name), attachment.name);
      const { added, replaced } = await faq.store.import(guildId, entries, mode);
      log({ action: 'import', mode, added, replaced });
      return reply(
        `✅ Imported ${entries.length} entries from ${attachment.name}: ${added} new, ${replaced} replaced${mode === 'replace' ? '; the FAQ file entries are off for this server' : ''}.`,
      );
    }
    case 'add': {
      const entry = await addEntry(faq, guildId, {
        question: options.getString('question', true),
        answer: options.getString('answer', true),
        id: options.getString('id'),
        triggers: options.getString('triggers'),
      });
      log({ action: 'add', id: entry.id });
      return reply(`✅ Added \`${entry.id}\` with ${entry.questions.length} question(s). It answers from the next question on.`);
    }
    case 'edit': {
      const entry = await editEntry(faq, guildId, options.getString('id', true), {
        question: options.getString('question'),
        answer: options.getString('answer'),
        triggers: options.getString('triggers'),
      });
      log({ action: 'edit', id: entry.id });
      return reply(
        `✅ Updated \`${entry.id}\`: ${entry.questions.length} question(s)${entry.triggers?.length ? `, triggers ${entry.triggers.join(', ')}` : ''}.`,
      );
    }
    case 'remove': {
      const entry = await faq.store.remove(guildId, options.getString('id', true));
      log({ action: 'remove', id: entry.id });
      return reply(`🗑️ Removed \`${entry.id}\` (“${entry.questions[0] ?? ''}”).`);
    }
    case 'list': {
      const page = listPage(await faq.store.snapshot(guildId), options.getInteger('page') ?? 1);
      return reply(page.content, page.components);
    }
    case 'status': {
      const [snapshot, status, misses] = await Promise.all([faq.store.snapshot(guildId), faq.status(), faq.misses.groups(guildId)]);
      return reply(
        statusText(
          snapshot,
          status,
          bot.config,
          misses.reduce((n, g) => n + g.count, 0),
        ),
      );
    }
    case 'misses': {
      const view = missesView(await faq.misses.groups(guildId));
      return reply(view.content, view.components);
    }
    case 'learn': {
      const done = await learnMiss(faq, guildId, options.getString('miss', true), {
        entryId: options.getString('entry'),
        answer: options.getString('answer'),
        id: options.getString('id'),
      });
      log({ action: 'learn' });
      return reply(`✅ ${done}`);
    }
    case 'threshold': {
      const value = options.getString('value', true).trim();
      const threshold = value.toLowerCase() === 'reset' ? null : Number(value);
      if (threshold !== null && !(threshold >= 0 && threshold <= 1))
        throw new UserError(
          'bad_request',
          `The threshold is a number from 0 to 1 (now ${bot.config.faq.threshold} by default), or "reset".`,
        );
      await faq.store.setThreshold(guildId, threshold);
      log({ action: 'threshold', threshold });
      return reply(
        threshold === null
          ? `✅ The threshold is back to the default ${bot.config.faq.threshold}.`
          : `✅ The FAQ now answers only at confidence ${threshold} or more; below it says it does not know.`,
      );
    }
    default:
      throw new UserError('bad_request', `I don't know /faq ${sub}.`);
  }
}

/** Downloads an attachment from Discord's CDN only, refusing files too large to be an FAQ. */
async function download(url: string, size: number, hosts: readonly string[]): Promise<string> {
  if (size > MAX_IMPORT_BYTES)
    throw new UserError(
      'bad_request',
      `That file is ${Math.ceil(size / 1024)} KiB; an FAQ file can be at most ${MAX_IMPORT_BYTES / 1024} KiB.`,
    );
  const response = await fetch(checkUrl(url, hosts), { redirect: 'error', signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
  if (!response?.ok) throw new UserError('attachment_refused', 'I could not download that file. Please attach it again.');
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new UserError('bad_request', `That file is larger than ${MAX_IMPORT_BYTES / 1024} KiB.`);
  return new TextDecoder().decode(bytes);
}
