/**
 * Posts answers to Discord. Everything goes through REST with `allowed_mentions: { parse: [] }` (a
 * translated or generated `@everyone` must never ping), long text is split into several messages, and
 * what was posted is recorded per job so a re-delivered reply does not post twice.
 */
import { Routes, type RawFile, type REST } from 'discord.js';
import type { Logger } from '../../core/logger.ts';
import { splitMessage } from '../reply/split.ts';
import type { BotStore } from './store.ts';
import type { DiscordTarget } from './target.ts';

/** Nothing the bot posts may ping anyone. */
export const NO_MENTIONS = Object.freeze({ parse: [] as never[], replied_user: false });

/** Interaction tokens last 15 minutes; keep a margin for the request itself. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000 - 30_000;

export interface Component {
  readonly type: number;
  readonly components: readonly Record<string, unknown>[];
}

/** A file posted with an answer (e.g. a long transcript as .txt/.srt), under the last part. */
export interface ReplyFile {
  readonly name: string;
  readonly data: Buffer;
  readonly contentType?: string;
}

export function isTokenAlive(target: DiscordTarget, now = Date.now()): boolean {
  return target.kind === 'interaction' && now - target.createdAt < INTERACTION_TOKEN_LIFETIME_MS;
}

export class Deliverer {
  constructor(
    private readonly rest: REST,
    private readonly store: BotStore,
    private readonly logger: Logger,
  ) {}

  /**
   * Posts `text` for a finished job, once. Extra parts of a long answer follow as separate messages.
   * `fresh` posts new messages instead of replacing the placeholder (a later step of a chain).
   * `files` are uploaded with the last part (multipart), with the components.
   */
  async deliver(
    jobId: string,
    target: DiscordTarget,
    text: string,
    components: readonly Component[] = [],
    fresh = false,
    files: readonly ReplyFile[] = [],
  ): Promise<void> {
    const already = (await this.store.posted(jobId)) ?? [];
    const parts = splitMessage(text);
    const posted = [...already];
    for (let index = already.length; index < parts.length; index++) {
      const last = index === parts.length - 1;
      const attached = last ? files.map((file, id) => ({ id, filename: file.name })) : [];
      const body = {
        content: parts[index],
        allowed_mentions: NO_MENTIONS,
        components: last ? components : [],
        ...(attached.length ? { attachments: attached } : {}),
      };
      const id = await this.#post(target, !fresh && index === 0, index === 0, body, last ? files : []);
      posted.push(id);
      await this.store.recordPosted(jobId, posted);
    }
  }

  /** Edits the placeholder (deferred reply or "⏳" message) while a job runs. Failures are not fatal. */
  async progress(target: DiscordTarget, text: string, components: readonly Component[]): Promise<void> {
    const body = { content: splitMessage(text)[0] ?? '…', allowed_mentions: NO_MENTIONS, components };
    try {
      if (target.kind === 'interaction' && isTokenAlive(target)) {
        await this.rest.patch(Routes.webhookMessage(target.applicationId, target.token), { body, auth: false });
      } else if (target.kind === 'message' && target.placeholderId) {
        await this.rest.patch(Routes.channelMessage(target.channelId, target.placeholderId), { body });
      }
    } catch (error) {
      this.logger.debug({ err: error }, 'progress edit failed');
    }
  }

  /** Posts a placeholder reply to a message and returns its id. */
  async placeholder(channelId: string, messageId: string, text: string, components: readonly Component[] = []): Promise<string> {
    const created = (await this.rest.post(Routes.channelMessages(channelId), {
      body: {
        content: text,
        allowed_mentions: NO_MENTIONS,
        message_reference: { message_id: messageId, fail_if_not_exists: false },
        components,
      },
    })) as { id: string };
    return created.id;
  }

  /** A plain reply to a message (errors, rate limits): not tied to a job. */
  async replyTo(channelId: string, messageId: string, text: string): Promise<void> {
    await this.rest.post(Routes.channelMessages(channelId), {
      body: {
        content: splitMessage(text)[0],
        allowed_mentions: NO_MENTIONS,
        message_reference: { message_id: messageId, fail_if_not_exists: false },
      },
    });
  }

  /** Posts one part: replacing the placeholder, or as a new message (replying to the source when first). */
  async #post(
    target: DiscordTarget,
    replace: boolean,
    first: boolean,
    body: Record<string, unknown>,
    files: readonly ReplyFile[] = [],
  ): Promise<string> {
    const upload = files.length ? { files: files.map((file): RawFile => ({ ...file })) } : {};
    if (target.kind === 'interaction' && isTokenAlive(target)) {
      const sent = replace
        ? await this.rest.patch(Routes.webhookMessage(target.applicationId, target.token), { body, auth: false, ...upload })
        : await this.rest.post(Routes.webhook(target.applicationId, target.token), { body, auth: false, ...upload });
      return (sent as { id: string }).id;
    }
    if (target.kind === 'message' && target.placeholderId && replace) {
      const sent = (await this.rest.patch(Routes.channelMessage(target.channelId, target.placeholderId), { body, ...upload })) as {
        id: string;
      };
      return sent.id;
    }
    // An expired interaction answers in the channel, replying to the message it was about if any.
    const reference = first && target.messageId ? { message_reference: { message_id: target.messageId, fail_if_not_exists: false } } : {};
    const sent = (await this.rest.post(Routes.channelMessages(target.channelId), { body: { ...body, ...reference }, ...upload })) as {
      id: string;
    };
    return sent.id;
  }
}
