/**
 * The one error ladder. For the member: a UserError is shown as it is; anything else gets a short message with a
 * reference id that is in the logs. For Discord's own refusals: a message or interaction that is gone (a member
 * deleted the placeholder, an expired token) means "post it anew"; a channel the bot cannot see or write in means
 * "drop it, log once"; rate limits and server errors mean "retry".
 */
import { describeError, type ErrorDescription } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';

export type DiscordFailure = 'gone' | 'forbidden' | 'retry' | 'other';

/** Discord JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const DiscordCode = {
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  MissingAccess: 50001,
  MissingPermissions: 50013,
  InvalidWebhookToken: 50027,
  InteractionAlreadyAcknowledged: 40060,
  /** Voice messages: the bot lacks Send Voice Messages, or a field of the voice message is refused. */
  CannotSendVoiceMessages: 50173,
  VoiceMessageInvalid: 50161,
} as const;

export function discordFailure(error: unknown): DiscordFailure {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  if (code === DiscordCode.UnknownMessage || code === DiscordCode.UnknownWebhook || code === DiscordCode.InvalidWebhookToken) return 'gone';
  if (code === DiscordCode.UnknownChannel || code === DiscordCode.MissingAccess || code === DiscordCode.MissingPermissions)
    return 'forbidden';
  if (typeof status === 'number' && (status === 429 || status >= 500)) return 'retry';
  if (status === undefined && error instanceof Error && /fetch failed|ECONNRE|ETIMEDOUT|socket|network/iu.test(error.message))
    return 'retry';
  return 'other';
}

/** Whether the error is Discord refusing a voice message (the bot lacks the permission, or the channel forbids it). */
export function voiceRefused(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return (
    code === DiscordCode.CannotSendVoiceMessages || code === DiscordCode.VoiceMessageInvalid || code === DiscordCode.MissingPermissions
  );
}

/** What the member reads for `error`; an internal one is logged here with the reference the member sees. */
export function forMember(error: unknown, logger: Logger, context: Record<string, unknown>): ErrorDescription {
  const described = describeError(error);
  if (described.reference) logger.error({ err: error, reference: described.reference, ...context }, 'request failed');
  return described;
}
