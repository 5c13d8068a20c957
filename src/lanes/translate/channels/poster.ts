/**
 * Posting copies as the original author: the relay needs only these three operations, so it runs against Discord
 * (`discord-poster.ts`, channel webhooks through discord.js) or anything else that can post as a named author.
 */

export interface WebhookPost {
  readonly content: string;
  /** Shown as the author (the original author's display name). */
  readonly username: string;
  readonly avatarUrl?: string | undefined;
}

export interface WebhookPoster {
  /** Posts in `channelId` as `username`; returns the new message's id and the webhook that posted it. */
  send(channelId: string, post: WebhookPost): Promise<{ messageId: string; webhookId: string }>;
  edit(channelId: string, messageId: string, content: string): Promise<void>;
  delete(channelId: string, messageId: string): Promise<void>;
}
