/**
 * `/faq import|export|add|edit|remove|list|status|misses|learn|threshold`: Manage Server only, answered privately
 * (the FAQ's own answers stay public). Every change increments the server's FAQ version, which workers check on each
 * job, so it applies from the next question on.
 */
import { MessageFlags, PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { NO_MENTIONS } from '../../../bot/discord/kit.ts';
import type { BotServices } from '../../../bot/discord/services.ts';
import { UserError } from '../../../core/errors.ts';
import { pick, type LocalText } from '../../../i18n/text.ts';
import type { ActionRow, ReplyFile } from '../../discord.ts';
import { fetchCapped } from '../../../core/http/fetch-capped.ts';
import { exportFaq, FAQ_FORMATS, formatFromName, parseFaqDocument, type FaqFormat } from '../formats.ts';
import { faqMessages as m } from '../messages.ts';
import { addEntry, editEntry, learnMiss } from './edits.ts';
import { faqAdmin } from './services.ts';
import { listPage, missesView, statusText } from './views.ts';

/** Largest FAQ file accepted from Discord: thousands of entries, far from a memory risk. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The server of an admin's interaction, or a refusal. Shared with the `/faq` buttons. */
export function adminGuild(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  if (!interaction.guildId) throw new UserError('forbidden', m.serverOnly);
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserError('forbidden', m.adminOnly);
  return interaction.guildId;
}

export async function handleFaqCommand(interaction: ChatInputCommandInteraction, services: BotServices): Promise<void> {
  const guildId = adminGuild(interaction);
  const locale = services.localeOf(interaction);
  const options = interaction.options;
  const sub = options.getSubcommand();
  const reply = async (text: LocalText | string, components: readonly ActionRow[] = [], files: readonly ReplyFile[] = []) => {
    const body = {
      content: typeof text === 'string' ? text : pick(text, locale),
      components: [...components],
      files: files.map((file) => ({ attachment: file.data, name: file.name })),
      allowedMentions: NO_MENTIONS,
    };
    if (interaction.deferred) await interaction.editReply(body);
    else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  };
  const faq = faqAdmin(services);
  const log = (change: Record<string, unknown>) => services.logger.info({ guildId, by: interaction.user.id, ...change }, 'FAQ changed');
  switch (sub) {
    case 'import': {
      const attachment = options.getAttachment('file', true);
      const mode = options.getString('mode') === 'replace' ? 'replace' : 'merge';
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const text = await download(attachment.url, attachment.size, services.config.attachments.hosts);
      const entries = parseFaqDocument(text, formatFromName(attachment.name), attachment.name);
      const { added, replaced } = await faq.store.import(guildId, entries, mode);
      log({ action: 'import', mode, added, replaced });
      return reply(m.imported(entries.length, attachment.name, added, replaced, mode === 'replace'));
    }
    case 'export': {
      const format = (options.getString('format') ?? 'yaml') as FaqFormat;
      if (!FAQ_FORMATS.includes(format)) throw new UserError('bad_request', m.unknownSub(`export ${format}`));
      const { entries } = await faq.store.snapshot(guildId);
      const file = {
        name: `faq.${format}`,
        data: Buffer.from(exportFaq(entries, format), 'utf8'),
        contentType: 'text/plain; charset=utf-8',
      };
      return reply(m.exportReady(entries.length, format), [], [file]);
    }
    case 'add': {
      const entry = await addEntry(faq, guildId, {
        question: options.getString('question', true),
        answer: options.getString('answer', true),
        id: options.getString('id'),
        triggers: options.getString('triggers'),
      });
      log({ action: 'add', id: entry.id });
      return reply(m.added(entry.id, entry.questions.length));
    }
    case 'edit': {
      const entry = await editEntry(faq, guildId, options.getString('id', true), {
        question: options.getString('question'),
        answer: options.getString('answer'),
        triggers: options.getString('triggers'),
      });
      log({ action: 'edit', id: entry.id });
      return reply(m.edited(entry.id, entry.questions.length, entry.triggers?.join(', ') ?? ''));
    }
    case 'remove': {
      const entry = await faq.store.remove(guildId, options.getString('id', true));
      log({ action: 'remove', id: entry.id });
      return reply(m.removed(entry.id, entry.questions[0] ?? ''));
    }
    case 'list': {
      const page = listPage(await faq.store.snapshot(guildId), options.getInteger('page') ?? 1, locale);
      return reply(page.content, page.components);
    }
    case 'status': {
      const [snapshot, status, misses] = await Promise.all([faq.store.snapshot(guildId), faq.status(), faq.misses.groups(guildId)]);
      return reply(
        statusText(
          snapshot,
          status,
          services.config,
          misses.reduce((n, g) => n + g.count, 0),
          locale,
        ),
      );
    }
    case 'misses': {
      const view = missesView(await faq.misses.groups(guildId), locale);
      return reply(view.content, view.components);
    }
    case 'learn': {
      const done = await learnMiss(faq, guildId, options.getString('miss', true), {
        entryId: options.getString('entry'),
        answer: options.getString('answer'),
        id: options.getString('id'),
      });
      log({ action: 'learn' });
      return reply({ en: `✅ ${done.en}`, ja: `✅ ${done.ja}` });
    }
    case 'threshold': {
      const value = options.getString('value', true).trim();
      const threshold = value.toLowerCase() === 'reset' ? null : Number(value);
      if (threshold !== null && !(threshold >= 0 && threshold <= 1))
        throw new UserError('bad_request', m.thresholdOutOfRange(services.config.faq.threshold));
      await faq.store.setThreshold(guildId, threshold);
      log({ action: 'threshold', threshold });
      return reply(threshold === null ? m.thresholdReset(services.config.faq.threshold) : m.thresholdSet(threshold));
    }
    default:
      throw new UserError('bad_request', m.unknownSub(sub));
  }
}

/** Downloads an attachment from Discord's CDN only, capped while streaming: a file that lies about its size is never read whole. */
function download(url: string, size: number, hosts: readonly string[]): Promise<Uint8Array> {
  return fetchCapped(url, {
    maxBytes: MAX_IMPORT_BYTES,
    allowedHosts: hosts,
    declaredBytes: size,
    timeoutMs: 30_000,
    tooLarge: (bytes, max) => new UserError('bad_request', m.fileTooLarge(Math.ceil((bytes ?? max + 1) / 1024), max / 1024)),
  });
}
