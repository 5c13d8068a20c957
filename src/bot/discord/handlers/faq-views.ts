/** What `/faq list`, `/faq status` and `/faq misses` show: pure functions from data to message text and buttons. */
import type { Config } from '../../../config/index.ts';
import type { MissGroup } from '../../../lanes/faq/misses.ts';
import type { RetrievalStatus } from '../../../lanes/faq/status.ts';
import type { GuildFaq } from '../../../lanes/faq/store.ts';
import type { Component } from '../deliver.ts';
import { button, isDefined } from './faq-state.ts';

export const PAGE_SIZE = 10;
const MISSES_SHOWN = 10;
const MISS_BUTTONS = 5;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const inline = (text: string): string => clip(text.replace(/\s+/gu, ' ').replaceAll('`', "'"), 80);

export function listPage(faq: GuildFaq, page: number): { content: string; components: Component[] } {
  const pages = Math.max(1, Math.ceil(faq.entries.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const lines = faq.entries.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((entry) => {
    const more = entry.questions.length > 1 ? ` (+${entry.questions.length - 1})` : '';
    const triggers = entry.triggers?.length ? ` · triggers: ${entry.triggers.map(inline).join(', ')}` : '';
    return `- \`${entry.id}\` ${inline(entry.questions[0] ?? '')}${more}${faq.sources.get(entry.id) === 'file' ? ' · *from the FAQ file*' : ''}${triggers}`;
  });
  const header = `**FAQ** — ${faq.entries.length} entries, page ${current}/${pages}`;
  const content = faq.entries.length
    ? `${header}\n${lines.join('\n')}`
    : 'This server has no FAQ entries. Add one with `/faq add` or `/faq import`.';
  const nav = [button(`faq:page:${current - 1}`, '◀ Previous'), button(`faq:page:${current + 1}`, 'Next ▶')].map((b, i) => ({
    ...b,
    disabled: i === 0 ? current <= 1 : current >= pages,
  }));
  return { content, components: pages > 1 ? [{ type: 1, components: nav }] : [] };
}

export function statusText(faq: GuildFaq, retrieval: RetrievalStatus | undefined, config: Config, misses: number): string {
  const fromFile = [...faq.sources.values()].filter((source) => source === 'file').length;
  const mode = retrieval
    ? `**${retrieval.mode}** — ${retrieval.reason} (reported ${retrieval.at.slice(0, 16).replace('T', ' ')} UTC)`
    : '**not known yet** — no worker has answered an FAQ question since it started; it uses hybrid retrieval when the embedding model loads, lexical otherwise';
  const threshold =
    faq.threshold === null
      ? `${config.faq.threshold} (default \`faq.threshold\`)`
      : `${faq.threshold} (set for this server; \`/faq threshold value:reset\` goes back to ${config.faq.threshold})`;
  return [
    `**Entries**: ${faq.entries.length} (${fromFile} from the FAQ file, ${faq.entries.length - fromFile} added here${faq.defaults ? '' : '; FAQ file entries are off'}) · version ${faq.version}`,
    `**Retrieval**: ${mode}`,
    `**Threshold**: ${threshold} · margin ${config.faq.margin}`,
    `**Misses**: ${misses} question(s) kept for ${config.faq.missRetentionDays} days (\`/faq misses\`)`,
  ].join('\n');
}

export function missesView(groups: readonly MissGroup[]): { content: string; components: Component[] } {
  if (!groups.length)
    return { content: 'No missed questions recorded. Questions I could not answer and answers marked 👎 show up here.', components: [] };
  const shown = groups.slice(0, MISSES_SHOWN);
  const lines = shown.map((g) => {
    const votes = g.downvotes ? ` · 👎 ${g.downvotes}` : '';
    const closest = g.entryId ? ` → closest \`${g.entryId}\`` : '';
    return `- \`${g.key}\` ×${g.count}${votes} “${inline(g.question)}”${closest}`;
  });
  const more = groups.length > shown.length ? `\n…and ${groups.length - shown.length} more.` : '';
  const help =
    '\nOne step to fix one: the buttons add it as a paraphrase of its closest entry; `/faq learn miss:<key> entry:<id>` adds it to any entry, `/faq learn miss:<key> answer:<text>` makes it a new entry.';
  const buttons = shown
    .filter((g) => g.entryId)
    .slice(0, MISS_BUTTONS)
    .map((g) => button(`faq:learn:${g.key}:${g.entryId}`, `Add “${clip(g.question, 30)}” to ${g.entryId}`))
    .filter(isDefined);
  return {
    content: `**Missed questions** (most frequent first)\n${lines.join('\n')}${more}${help}`,
    components: buttons.length ? [{ type: 1, components: buttons }] : [],
  };
}
