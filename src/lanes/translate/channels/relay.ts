/**
 * The translation-channel relay: which messages to copy, translated, into which channels, and keeping copies in
 * step with edits and deletions of the original within the follow window. Never relays the bot's own messages, the
 * messages of the webhooks it posts through (no loops), other bots, messages with nothing to translate, or a copy
 * into a language the message is already in.
 */
import type { Logger } from '../../../core/logger.ts';
import { baseCode, detectLanguage } from '../../../text/detect.ts';
import { nothingToTranslate } from '../../../text/nothing.ts';
import type { WebhookPoster } from './poster.ts';
import type { ChannelRule } from './rules.ts';
import type { ChannelStore } from './store.ts';

/** What the relay needs to know about a Discord message. */
export interface RelayMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId?: string | undefined;
  readonly content: string;
  readonly author: { readonly id: string; readonly name: string; readonly avatarUrl?: string | undefined; readonly bot: boolean };
  readonly webhookId?: string | undefined;
}

/** One translation the relay asks for: the original's text, languages, server, and who wrote it. */
export interface RelayTranslation {
  readonly text: string;
  readonly from: string;
  readonly to: string;
  readonly guildId: string;
  /** The original message (job ids and logs). */
  readonly messageId?: string | undefined;
  /** The original's author (the job's member). */
  readonly userId?: string | undefined;
}

export type RelayOutcome =
  | { readonly messageId: string; readonly action: 'posted' | 'edited' | 'deleted'; readonly copies: number }
  | { readonly messageId: string; readonly action: 'skipped'; readonly reason: string }
  | { readonly messageId: string; readonly action: 'failed'; readonly reason: string };

export interface RelayDeps {
  readonly store: ChannelStore;
  readonly poster: WebhookPoster;
  /** Translates a message for a server (the translation lane, through the queue or directly). */
  readonly translate: (request: RelayTranslation) => Promise<string>;
  readonly botUserId: string;
  /**
   * Whether the author may have another translation now (the bot's per-member and per-server rate limits); a refused
   * message is skipped quietly (a relay channel never scolds in public). Absent: no limit.
   */
  readonly admit?: (message: RelayMessage) => Promise<boolean>;
  readonly logger?: Logger | undefined;
  /** Called with every decision (logs, tests). */
  readonly onOutcome?: (outcome: RelayOutcome) => void;
}

export class ChannelRelay {
  /** The work in progress per original: an edit or deletion waits for the copies being posted (gateway order). */
  readonly #pending = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: RelayDeps) {}

  /** A new message: copies posted where its channel's rule says. Never rejects (failures are reported and logged). */
  onCreate(message: RelayMessage): Promise<RelayOutcome> {
    return this.#serialised(message.id, () => this.#create(message));
  }

  /** An edited original: its copies are translated again and edited (only while they are remembered). */
  onUpdate(message: RelayMessage): Promise<RelayOutcome> {
    return this.#serialised(message.id, () => this.#update(message));
  }

  /** A deleted original: its copies go too. */
  onDelete(messageId: string): Promise<RelayOutcome> {
    return this.#serialised(messageId, () => this.#delete(messageId));
  }

  /** Runs `work` after the earlier work on the same original, turning errors into a `failed` outcome. */
  #serialised(messageId: string, work: () => Promise<RelayOutcome>): Promise<RelayOutcome> {
    const previous = this.#pending.get(messageId) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => {
      this.deps.logger?.warn({ err: error, messageId }, 'translation channel relay failed');
      return this.#report({ messageId, action: 'failed', reason: error instanceof Error ? error.message : String(error) });
    });
    this.#pending.set(messageId, next);
    void next.finally(() => {
      if (this.#pending.get(messageId) === next) this.#pending.delete(messageId);
    });
    return next;
  }

  async #create(message: RelayMessage): Promise<RelayOutcome> {
    const rule = await this.deps.store.rule(message.channelId);
    const skip = rule ? await this.#skipReason(message) : 'no-rule';
    if (skip || !rule) return this.#report({ messageId: message.id, action: 'skipped', reason: skip ?? 'no-rule' });
    if (this.deps.admit && !(await this.deps.admit(message)))
      return this.#report({ messageId: message.id, action: 'skipped', reason: 'rate-limited' });
    const from = await this.#sourceLanguage(message.content, rule);
    if (!from) return this.#report({ messageId: message.id, action: 'skipped', reason: 'language-unsure' });
    let copies = 0;
    for (const output of rule.outputs) {
      if (baseCode(output.language) === baseCode(from)) continue;
      const content = await this.deps.translate({ ...request(message, rule), from, to: output.language });
      const sent = await this.deps.poster.send(output.channelId, {
        content,
        username: webhookName(message.author.name),
        avatarUrl: message.author.avatarUrl,
      });
      await this.deps.store.recordCopy(
        message.id,
        { channelId: output.channelId, messageId: sent.messageId, language: output.language },
        sent.webhookId,
      );
      copies += 1;
    }
    if (copies === 0) return this.#report({ messageId: message.id, action: 'skipped', reason: 'already-in-target-language' });
    return this.#report({ messageId: message.id, action: 'posted', copies });
  }

  async #update(message: RelayMessage): Promise<RelayOutcome> {
    const copies = await this.deps.store.copies(message.id);
    const rule = await this.deps.store.rule(message.channelId);
    if (copies.length === 0 || !rule) return this.#report({ messageId: message.id, action: 'skipped', reason: 'no-copies' });
    const from = (await this.#sourceLanguage(message.content, rule)) ?? rule.language;
    if (!from) return this.#report({ messageId: message.id, action: 'skipped', reason: 'language-unsure' });
    for (const copy of copies) {
      const content = await this.deps.translate({ ...request(message, rule), from, to: copy.language });
      await this.deps.poster.edit(copy.channelId, copy.messageId, content);
    }
    return this.#report({ messageId: message.id, action: 'edited', copies: copies.length });
  }

  async #delete(messageId: string): Promise<RelayOutcome> {
    const copies = await this.deps.store.copies(messageId);
    if (copies.length === 0) return this.#report({ messageId, action: 'skipped', reason: 'no-copies' });
    for (const copy of copies)
      await this.deps.poster
        .delete(copy.channelId, copy.messageId)
        .catch((error: unknown) => this.deps.logger?.warn({ err: error, copy }, 'could not delete a copy'));
    await this.deps.store.forgetCopies(messageId);
    return this.#report({ messageId, action: 'deleted', copies: copies.length });
  }

  async #skipReason(message: RelayMessage): Promise<string | undefined> {
    if (message.author.id === this.deps.botUserId) return 'own-message';
    if (message.webhookId && (await this.deps.store.isOwnWebhook(message.webhookId))) return 'own-webhook';
    if (message.author.bot || message.webhookId) return 'bot';
    return nothingToTranslate(message.content);
  }

  /** Detected; else the language the channel is written in (linked channels); else unsure. */
  async #sourceLanguage(text: string, rule: ChannelRule): Promise<string | undefined> {
    const detected = await detectLanguage(text, { hint: rule.language });
    return detected?.code ?? rule.language;
  }

  #report(outcome: RelayOutcome): RelayOutcome {
    this.deps.onOutcome?.(outcome);
    return outcome;
  }
}

function request(message: RelayMessage, rule: ChannelRule) {
  return { text: message.content, guildId: rule.guildId, messageId: message.id, userId: message.author.id };
}

/** Discord refuses webhook names with "discord" or "clyde", empty or over 80 characters. */
export function webhookName(name: string): string {
  const cleaned = name
    .replace(/discord/giu, 'd1scord')
    .replace(/clyde/giu, 'clyd3')
    .trim()
    .slice(0, 80);
  return cleaned || 'member';
}
