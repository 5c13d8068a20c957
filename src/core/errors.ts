/**
 * Errors that are safe to show to the person who caused them.
 *
 * Everything else is an internal error: it is logged with a reference id and the member sees a short generic
 * message with that id (see `describeError`).
 */
import { randomUUID } from 'node:crypto';
import { coreMessages } from '../i18n/messages.ts';
import type { LocalText } from '../i18n/text.ts';

/** Machine-readable reasons a request was refused. */
export type UserErrorCode =
  | 'bad_request'
  | 'unsupported_language'
  | 'audio_too_long'
  | 'audio_too_large'
  | 'audio_unsupported'
  | 'audio_corrupt'
  | 'no_speech'
  | 'attachment_refused'
  | 'model_missing'
  | 'model_downloading'
  | 'unavailable'
  | 'busy'
  | 'rate_limited'
  | 'forbidden'
  | 'cancelled'
  | 'too_long';

/** An error whose text is written for the member, in every language (no stack traces, internals or secrets). */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    readonly text: LocalText,
  ) {
    super(text.en);
  }
}

/**
 * A problem for whoever runs the bot, not for a member (bad command-line arguments, no Redis at start-up): printed
 * once on the terminal, in English, by `runMain`.
 */
export class OperatorError extends Error {
  override readonly name = 'OperatorError';
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** What a member sees for any error, and the reference id to find it in the logs when it is internal. */
export interface ErrorDescription {
  readonly userMessage: LocalText;
  readonly code: UserErrorCode | 'internal';
  readonly reference?: string;
}

/** User errors are shown as they are; everything else gets a reference id (log it with that id). */
export function describeError(error: unknown): ErrorDescription {
  if (isUserError(error)) return { userMessage: error.text, code: error.code };
  const reference = randomUUID().slice(0, 8);
  return { userMessage: coreMessages.internal(reference), code: 'internal', reference };
}
