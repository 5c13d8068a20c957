/**
 * Errors that are safe to show to the person who caused them.
 *
 * Everything else is an internal error: it is logged with a reference id and the user sees a short
 * generic message with that id (see `describeError`).
 */
import { randomUUID } from 'node:crypto';

/** Machine-readable reasons a request was refused; the bot maps them to its wording. */
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
  | 'unavailable'
  | 'rate_limited'
  | 'cancelled'
  | 'too_long';

/** An error whose message is written for the user (no stack traces, no internals, no secrets). */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** What a user sees for any error, and the reference id to find it in the logs when it is internal. */
export interface ErrorDescription {
  readonly userMessage: string;
  readonly code: UserErrorCode | 'internal';
  readonly reference?: string;
}

/** The one error ladder: user errors are shown as they are, everything else gets a reference id. */
export function describeError(error: unknown): ErrorDescription {
  if (isUserError(error)) return { userMessage: error.message, code: error.code };
  const reference = randomUUID().slice(0, 8);
  return {
    userMessage: `Something went wrong on my side (reference ${reference}). Please try again later.`,
    code: 'internal',
    reference,
  };
}
