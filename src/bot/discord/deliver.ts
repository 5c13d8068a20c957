/**
 * Posts answers to Discord. Everything goes through REST with no mentions allowed (a translated or generated
 * `@everyone` must never ping), long text is split into several messages, and what was posted is recorded per job
 * so a redelivered reply does not post twice. Interaction callbacks and webhook edits go through their own REST
 * client: Discord does not count them in the bot's global rate limit, so a burst of slash commands is never held
 * behind channel messages. Discord's refusals follow the error ladder (`errors.ts`): a deleted placeholder or an
 * expired token means "post it anew", a channel the bot cannot write in means "drop it, log once".
 */
import { REST, Routes, type RawFile } from 'discord.js';
import { Agent } from 'undici';
import type { Logger } from '../../core/logger.ts';
import type { ActionRow, DiscordReply, ReplyFile, VoiceMessage } from '../../lanes/discord.ts';
import { splitMessage } from '../reply/split.ts';
import { discordFailure, voiceRefused } from './errors.ts';
import { NO_MENTIONS_API } from './kit.ts';
import type { BotStore } from './store.ts';
import type { DiscordTarget } from './target.ts';

/** Interaction tokens last 15 minutes; keep a margin for the request itself. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000 - 30_000;

/** Interaction callbacks are exempt from the global limit; the per-route limits still apply (handled by REST). */
const WEBHOOK_GLOBAL_PER_SECOND = 1_000;

/**
 * Kept-alive connections for interaction callbacks and webhook edits. Unbounded, a burst of slash commands opened a
 * new (TLS, against Discord) connection per request; a bounded pool reuses them and queues the rest briefly.
 */
const WEBHOOK_CONNECTIONS = 64;

export function isTokenAlive(target: DiscordTarget, now = Date.now()): target is Extract<DiscordTarget, { kind: 'interaction' }> {
  return target.kind === 'interaction' && now - target.createdAt < INTERACTION_TOKEN_LIFETIME_MS;
}

export interface Delivery {
  readonly jobId: string;
  readonly sourceId: string;
  readonly target: DiscordTarget;
  readonly reply: DiscordReply;
  /** Post new messages instead of replacing the placeholder (a later step of a chain). */
  readonly fresh: boolean;
  /** The line added when a voice message had to be sent as an ordinary file. */
  readonly voiceFallbackNote: string;
  /** The reply job's last attempt: an edit Discord keeps failing is given up for a new message. */
  readonly lastAttempt?: boolean;
}

type Body = Record<string, unknown>;

export class Deliverer {
  readonly #webhooks: REST;

  constructor(
    private readonly rest: REST,
    private readonly store: BotStore,
    private readonly logger: Logger,
    api: string,
  ) {
    this.#webhooks = new REST({
      api,
      globalRequestsPerSecond: WEBHOOK_GLOBAL_PER_SECOND,
      retries: 3,
      agent: new Agent({ connections: WEBHOOK_CONNECTIONS }),
    });
  }

  /** Acknowledges an interaction ("thinking…"): the answer replaces it later. */
  async acknowledge(interactionId: string, token: string, ephemeral = false): Promise<void> {
    await this.#webhooks.post(Routes.interactionCallback(interactionId, token), {
      body: { type: 5, ...(ephemeral ? { data: { flags: 64 } } : {}) },
      auth: false,
    });
  }

  /**
   * A refusal after the bot acknowledged publicly ("thinking…"): the public reply is removed and the member alone
   * reads why.
   */
  async refuseAfterAcknowledge(applicationId: string, token: string, content: string): Promise<void> {
    await this.#webhooks.delete(Routes.webhookMessage(applicationId, token), { auth: false }).catch(() => undefined);
    await this.#webhooks.post(Routes.webhook(applicationId, token), {
      body: { content: splitMessage(content)[0], flags: 64, allowed_mentions: NO_MENTIONS_API },
      auth: false,
    });
  }

  /** Posts a finished job's answer, once. Extra parts of a long answer follow as separate messages. */
  async deliver(delivery: Delivery): Promise<void> {
    const { jobId, reply } = delivery;
    const parts = reply.content.trim() ? splitMessage(reply.content) : [];
    const posted = [...((await this.store.posted(jobId)) ?? [])];
    for (let index = posted.length; index < parts.length; index++) {
      const last = index === parts.length - 1;
      const files = last ? (reply.files ?? []) : [];
      const body: Body = {
        content: parts[index],
        allowed_mentions: NO_MENTIONS_API,
        components: last ? (reply.components ?? []) : [],
        ...(files.length ? { attachments: files.map((file, id) => ({ id, filename: file.name })) } : {}),
      };
      posted.push(await this.#post(delivery, !delivery.fresh && index === 0, index === 0, body, files));
      await this.store.recordPosted(jobId, posted);
    }
    if (reply.voice && posted.length === parts.length) {
      posted.push(await this.#postVoice(delivery, reply.voice, parts.length === 0));
      await this.store.recordPosted(jobId, posted);
    }
  }

  /** Edits the placeholder while a job runs. Failures are not fatal. */
  async progress(target: DiscordTarget, sourceId: string, content: string, components: readonly ActionRow[]): Promise<void> {
    const body = { content: splitMessage(content)[0] ?? '…', allowed_mentions: NO_MENTIONS_API, components };
    try {
      if (isTokenAlive(target)) {
        await this.#webhooks.patch(Routes.webhookMessage(target.applicationId, target.token), { body, auth: false });
      } else if (target.kind === 'message') {
        const placeholderId = await this.store.placeholder(sourceId);
        if (placeholderId) await this.rest.patch(Routes.channelMessage(target.channelId, placeholderId), { body });
      }
    } catch (error) {
      this.logger.debug({ err: error }, 'progress edit failed');
    }
  }

  async hasPlaceholder(sourceId: string): Promise<boolean> {
    return (await this.store.placeholder(sourceId)) !== null;
  }

  /** Posts the placeholder reply to a message ("⏳ …") and remembers it for the answer. */
  async placeholder(
    target: Extract<DiscordTarget, { kind: 'message' }>,
    sourceId: string,
    content: string,
    components: readonly ActionRow[] = [],
  ): Promise<string> {
    const created = (await this.rest.post(Routes.channelMessages(target.channelId), {
      body: {
        content,
        allowed_mentions: NO_MENTIONS_API,
        message_reference: { message_id: target.messageId, fail_if_not_exists: false },
        components,
      },
    })) as { id: string };
    await this.store.setPlaceholder(sourceId, created.id);
    return created.id;
  }

  /** A plain reply to a message (errors, notices): not tied to a job. */
  async replyTo(channelId: string, messageId: string, content: string): Promise<void> {
    await this.rest.post(Routes.channelMessages(channelId), {
      body: {
        content: splitMessage(content)[0],
        allowed_mentions: NO_MENTIONS_API,
        message_reference: { message_id: messageId, fail_if_not_exists: false },
      },
    });
  }

  /** Posts one part: replacing the placeholder, or as a new message (replying to the source when first). */
  async #post(delivery: Delivery, replace: boolean, first: boolean, body: Body, files: readonly ReplyFile[]): Promise<string> {
    const { target, sourceId, jobId } = delivery;
    const upload = files.length
      ? { files: files.map((file): RawFile => ({ name: file.name, data: file.data, contentType: file.contentType })) }
      : {};
    try {
      if (isTokenAlive(target)) {
        const route = replace
          ? Routes.webhookMessage(target.applicationId, target.token)
          : Routes.webhook(target.applicationId, target.token);
        const sent = replace
          ? await this.#webhooks.patch(route, { body, auth: false, ...upload })
          : await this.#webhooks.post(route, { body, auth: false, ...upload });
        return (sent as { id: string }).id;
      }
      const placeholderId = target.kind === 'message' && replace ? await this.store.placeholder(sourceId) : null;
      if (placeholderId) {
        const sent = (await this.rest.patch(Routes.channelMessage(target.channelId, placeholderId), { body, ...upload })) as { id: string };
        return sent.id;
      }
    } catch (error) {
      const failure = discordFailure(error);
      if (failure === 'forbidden') return this.#dropped(jobId, error);
      if (failure === 'gone') {
        // The placeholder was deleted or the token expired: the answer is posted as a fresh reply, not lost.
        this.logger.info({ jobId }, 'placeholder gone; posting the answer as a new message');
      } else if (replace && delivery.lastAttempt) {
        // Every attempt to edit it in failed: a new message reaches the member where the edit could not.
        this.logger.warn({ jobId, err: error }, 'the placeholder could not be edited; posting the answer as a new message');
        const followUp = isTokenAlive(target) ? await this.#followUp(target, body, upload) : undefined;
        if (followUp) return followUp;
      } else {
        throw error;
      }
    }
    return this.#channelPost(delivery, first, body, upload);
  }

  /** A new message under the interaction (seen where the member asked, even in a DM); undefined if Discord refuses. */
  async #followUp(
    target: Extract<DiscordTarget, { kind: 'interaction' }>,
    body: Body,
    upload: { files?: RawFile[] },
  ): Promise<string | undefined> {
    try {
      const sent = (await this.#webhooks.post(Routes.webhook(target.applicationId, target.token), { body, auth: false, ...upload })) as {
        id: string;
      };
      return sent.id;
    } catch (error) {
      this.logger.warn({ err: error }, 'the follow-up message failed too; trying the channel');
      return undefined;
    }
  }

  async #channelPost(delivery: Delivery, first: boolean, body: Body, upload: { files?: RawFile[] }): Promise<string> {
    const { target, jobId } = delivery;
    const messageId = target.messageId;
    const reference = first && messageId ? { message_reference: { message_id: messageId, fail_if_not_exists: false } } : {};
    try {
      const sent = (await this.rest.post(Routes.channelMessages(target.channelId), { body: { ...body, ...reference }, ...upload })) as {
        id: string;
      };
      return sent.id;
    } catch (error) {
      if (discordFailure(error) === 'forbidden') return this.#dropped(jobId, error);
      throw error;
    }
  }

  /**
   * A voice message (the waveform bubble) in the channel: interaction responses ignore voice metadata. Where the bot
   * may not send voice messages, the audio goes as an ordinary file with the reason, once.
   */
  async #postVoice(delivery: Delivery, voice: VoiceMessage, alone: boolean): Promise<string> {
    const { target, jobId } = delivery;
    const file: RawFile = { name: voice.file.name, data: voice.file.data, contentType: voice.file.contentType };
    const reference =
      alone && target.kind === 'message' ? { message_reference: { message_id: target.messageId, fail_if_not_exists: false } } : {};
    const body = {
      flags: 1 << 13,
      allowed_mentions: NO_MENTIONS_API,
      attachments: [{ id: 0, filename: voice.file.name, duration_secs: voice.durationSecs, waveform: voice.waveform }],
      ...reference,
    };
    try {
      const sent = (await this.rest.post(Routes.channelMessages(target.channelId), { body, files: [file] })) as { id: string };
      return sent.id;
    } catch (error) {
      if (!voiceRefused(error)) {
        if (discordFailure(error) === 'forbidden') return this.#dropped(jobId, error);
        throw error;
      }
      this.logger.info({ jobId, channelId: target.channelId }, 'voice messages refused here; sending the audio as a file');
    }
    const fallback = {
      content: `${voice.fallbackText}\n${delivery.voiceFallbackNote}`.trim(),
      allowed_mentions: NO_MENTIONS_API,
      attachments: [{ id: 0, filename: voice.file.name }],
      ...reference,
    };
    return this.#channelPost(delivery, false, fallback, { files: [file] });
  }

  #dropped(jobId: string, error: unknown): string {
    this.logger.warn({ jobId, err: error }, 'cannot post in that channel (missing access or permissions); the answer was dropped');
    return 'dropped';
  }
}
