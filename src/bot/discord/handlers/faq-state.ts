/**
 * The bot's side of per-server FAQs: the store `/faq` edits, the misses it shows, and the buttons under FAQ
 * answers. The bot never builds an index (workers do); it only reads and writes the same Redis keys.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../../config/index.ts';
import { retryingOnce } from '../../../lanes/faq/kb.ts';
import { loadFaqFile } from '../../../lanes/faq/knowledge.ts';
import { MissLog } from '../../../lanes/faq/misses.ts';
import type { FaqResult } from '../../../lanes/faq/schema.ts';
import { readStatus, type RetrievalStatus } from '../../../lanes/faq/status.ts';
import { FaqStore } from '../../../lanes/faq/store.ts';
import type { ReplyEnvelope } from '../../../queue/envelope.ts';
import type { Component } from '../deliver.ts';

/** Discord's limits on buttons. */
const CUSTOM_ID_MAX = 100;
const LABEL_MAX = 80;

export class BotFaq {
  readonly store: FaqStore;
  readonly misses: MissLog;
  /** The FAQ file's entries (what DMs are answered from). */
  readonly defaults = retryingOnce(() => loadFaqFile(this.config.faq.file));

  constructor(
    private readonly redis: Redis,
    readonly config: Config,
  ) {
    this.store = new FaqStore(redis, config.redis.prefix, this.defaults);
    this.misses = new MissLog(redis, config.redis.prefix, config.faq.missRetentionDays * 86_400);
  }

  status(): Promise<RetrievalStatus | undefined> {
    return readStatus(this.redis, this.config.redis.prefix);
  }
}

export const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/** A button, or nothing when its custom id would not fit Discord's 100 characters. */
export function button(customId: string, label: string, style = 2): Record<string, unknown> | undefined {
  if (customId.length > CUSTOM_ID_MAX) return undefined;
  const text = label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
  return { type: 2, style, label: text || '…', custom_id: customId };
}

/** Buttons under a reply: the closest entries of an FAQ "I don't know", one click posting that answer. */
export function faqReplyComponents(reply: ReplyEnvelope): Component[] {
  if (reply.lane !== 'faq' || !reply.outcome.ok) return [];
  const result = reply.outcome.result as FaqResult;
  if (result.kind !== 'unknown') return [];
  const buttons = result.suggestions.map((s) => button(`faq:show:${s.id}`, s.question, 1)).filter(isDefined);
  return buttons.length ? [{ type: 1, components: buttons }] : [];
}
