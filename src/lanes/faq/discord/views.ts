/** What `/faq list`, `/faq status` and `/faq misses` show: pure functions from data to message text and buttons. */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { customId } from '../../../bot/discord/custom-id.ts';
import type { Config } from '../../../config/index.ts';
import { pick, type Locale } from '../../../i18n/text.ts';
import type { ActionRow } from '../../discord.ts';
import { faqMessages as m } from '../messages.ts';
import type { MissGroup } from '../misses.ts';
import type { RetrievalStatus } from '../status.ts';
import type { GuildFaq } from '../store.ts';

export const PAGE_SIZE = 10;
const MISSES_SHOWN = 10;
const MISS_BUTTONS = 5;
/** Discord's longest button label. */
const LABEL_MAX = 80;

/** The namespace of the `/faq` admin buttons: `faqadmin:page:<n>`, `faqadmin:learn:<miss>:<entry>`. */
export const FAQ_ADMIN_BUTTONS = 'faqadmin';

export interface View {
  readonly content: string;
  readonly components: ActionRow[];
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const inline = (text: string): string => clip(text.replace(/\s+/gu, ' ').replaceAll('`', "'"), 80);

/** A button, or nothing when its custom id would not fit Discord's 100 characters. */
export function button(id: string | undefined, label: string, style = ButtonStyle.Secondary): ButtonBuilder | undefined {
  if (!id) return undefined;
  return new ButtonBuilder()
    .setCustomId(id)
    .setStyle(style)
    .setLabel(clip(label, LABEL_MAX) || '…');
}

export function row(buttons: readonly (ButtonBuilder | undefined)[]): ActionRow[] {
  const present = buttons.filter((b): b is ButtonBuilder => b !== undefined);
  return present.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(present).toJSON()] : [];
}

export function listPage(faq: GuildFaq, page: number, locale: Locale): View {
  const pages = Math.max(1, Math.ceil(faq.entries.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const lines = faq.entries.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((entry) => {
    const more = entry.questions.length > 1 ? ` (+${entry.questions.length - 1})` : '';
    const triggers = entry.triggers?.length ? ` · ${pick(m.triggersLabel, locale)}: ${entry.triggers.map(inline).join(', ')}` : '';
    const fromFile = faq.sources.get(entry.id) === 'file' ? pick(m.fromFile, locale) : '';
    return `- \`${entry.id}\` ${inline(entry.questions[0] ?? '')}${more}${fromFile}${triggers}`;
  });
  const header = pick(m.listHeader(faq.entries.length, current, pages), locale);
  const content = faq.entries.length ? `${header}\n${lines.join('\n')}` : pick(m.emptyFaq, locale);
  const previous = button(customId(FAQ_ADMIN_BUTTONS, 'page', String(current - 1)), pick(m.previous, locale))?.setDisabled(current <= 1);
  const next = button(customId(FAQ_ADMIN_BUTTONS, 'page', String(current + 1)), pick(m.next, locale))?.setDisabled(current >= pages);
  return { content, components: pages > 1 ? row([previous, next]) : [] };
}

export function statusText(faq: GuildFaq, retrieval: RetrievalStatus | undefined, config: Config, misses: number, locale: Locale): string {
  const fromFile = [...faq.sources.values()].filter((source) => source === 'file').length;
  const mode = retrieval
    ? m.statusRetrieval(retrieval.mode, retrieval.reason, retrieval.at.slice(0, 16).replace('T', ' '))
    : m.statusRetrievalUnknown;
  const threshold = faq.threshold === null ? m.thresholdDefault(config.faq.threshold) : m.thresholdOwn(faq.threshold, config.faq.threshold);
  return [
    m.statusEntries(faq.entries.length, fromFile, faq.entries.length - fromFile, faq.defaults, faq.version),
    mode,
    m.statusThreshold(pick(threshold, locale), config.faq.margin),
    m.statusMisses(misses, config.faq.missRetentionDays),
  ]
    .map((line) => pick(line, locale))
    .join('\n');
}

export function missesView(groups: readonly MissGroup[], locale: Locale): View {
  if (!groups.length) return { content: pick(m.noMisses, locale), components: [] };
  const shown = groups.slice(0, MISSES_SHOWN);
  const lines = shown.map((g) => {
    const votes = g.downvotes ? ` · 👎 ${g.downvotes}` : '';
    const closest = g.entryId ? ` → ${pick(m.closest, locale)} \`${g.entryId}\`` : '';
    return `- \`${g.key}\` ×${g.count}${votes} “${inline(g.question)}”${closest}`;
  });
  const more = groups.length > shown.length ? `\n${pick(m.andMore(groups.length - shown.length), locale)}` : '';
  const buttons = shown
    .filter((g) => g.entryId)
    .slice(0, MISS_BUTTONS)
    .map((g) =>
      button(
        customId(FAQ_ADMIN_BUTTONS, 'learn', g.key, g.entryId ?? ''),
        pick(m.learnButton(clip(g.question, 30), g.entryId ?? ''), locale),
      ),
    );
  return {
    content: `${pick(m.missesHeader, locale)}\n${lines.join('\n')}${more}\n${pick(m.missesHelp, locale)}`,
    components: row(buttons),
  };
}
