/**
 * `WebhookPoster` on discord.js: one webhook per channel named "kotodama", found among the channel's webhooks
 * (one the application created earlier) or created on first use, and cached. Copies never ping anyone.
 */
import type { Client, Message, PartialMessage, Webhook } from 'discord.js';
import type { WebhookPoster } from './poster.ts';
import type { RelayMessage } from './relay.ts';

const WEBHOOK_NAME = 'kotodama';

export class DiscordWebhookPoster implements WebhookPoster {
  readonly #hooks = new Map<string, Promise<Webhook>>();

  constructor(private readonly client: Client) {}

  async send(
    channelId: string,
    post: { content: string; username: string; avatarUrl?: string | undefined },
  ): Promise<{ messageId: string; webhookId: string }> {
    const hook = await this.#hook(channelId);
    const message = await hook.send({
      content: post.content,
      username: post.username,
      ...(post.avatarUrl ? { avatarURL: post.avatarUrl } : {}),
      allowedMentions: { parse: [] },
    });
    return { messageId: message.id, webhookId: hook.id };
  }

  async edit(channelId: string, messageId: string, content: string): Promise<void> {
    await (await this.#hook(channelId)).editMessage(messageId, { content, allowedMentions: { parse: [] } });
  }

  async delete(channelId: string, messageId: string): Promise<void> {
    await (await this.#hook(channelId)).deleteMessage(messageId);
  }

  #hook(channelId: string): Promise<Webhook> {
    let found = this.#hooks.get(channelId);
    if (!found) {
      found = this.#findOrCreate(channelId);
      this.#hooks.set(channelId, found);
      found.catch(() => this.#hooks.delete(channelId));
    }
    return found;
  }

  async #findOrCreate(channelId: string): Promise<Webhook> {
    const channel = await this.client.channels.fetch(channelId);
    if (!channel || !('fetchWebhooks' in channel) || !('createWebhook' in channel))
      throw new Error(`channel ${channelId} takes no webhooks`);
    const existing = (await channel.fetchWebhooks()).find(
      (hook) => hook.name === WEBHOOK_NAME && hook.applicationId === this.client.application?.id && hook.token,
    );
    return existing ?? channel.createWebhook({ name: WEBHOOK_NAME, reason: 'kotodama translation channels' });
  }
}

/** What the relay needs from a discord.js message: the author's shown name (server nickname first) and avatar. */
export function relayMessageFrom(message: Message | PartialMessage): RelayMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId ?? undefined,
    content: message.content ?? '',
    author: {
      id: message.author?.id ?? '',
      name: message.member?.displayName ?? message.author?.displayName ?? 'member',
      avatarUrl: message.member?.displayAvatarURL() ?? message.author?.displayAvatarURL(),
      bot: message.author?.bot ?? false,
    },
    webhookId: message.webhookId ?? undefined,
  };
}
