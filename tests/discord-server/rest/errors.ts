/** Discord's JSON error responses (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json). */

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: unknown;
  /** 429 bodies also carry `retry_after` and `global`. */
  [extra: string]: unknown;
}

/** Thrown by route handlers; the server turns it into the HTTP status and Discord error body. */
export class DiscordHttpError extends Error {
  readonly status: number;
  readonly body: DiscordErrorBody;

  constructor(status: number, code: number, message: string, errors?: unknown, extra: Record<string, unknown> = {}) {
    super(`${status} ${code} ${message}`);
    this.status = status;
    this.body = errors === undefined ? { message, code, ...extra } : { message, code, errors, ...extra };
  }
}

/** `{ field: { _errors: [{ code, message }] } }`, the nested shape of a 50035 Invalid Form Body. */
function fieldErrors(path: readonly (string | number)[], code: string, message: string): unknown {
  let node: unknown = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) node = { [String(key)]: node };
  return node;
}

export const Errors = {
  unauthorized: () => new DiscordHttpError(401, 0, '401: Unauthorized'),
  notFound: () => new DiscordHttpError(404, 0, '404: Not Found'),
  methodNotAllowed: () => new DiscordHttpError(405, 0, '405: Method Not Allowed'),
  unknownApplication: () => new DiscordHttpError(404, 10002, 'Unknown Application'),
  unknownChannel: () => new DiscordHttpError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new DiscordHttpError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new DiscordHttpError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new DiscordHttpError(404, 10008, 'Unknown Message'),
  unknownUser: () => new DiscordHttpError(404, 10013, 'Unknown User'),
  unknownEmoji: () => new DiscordHttpError(400, 10014, 'Unknown Emoji'),
  unknownWebhook: () => new DiscordHttpError(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => new DiscordHttpError(404, 10063, 'Unknown application command'),
  unknownInteraction: () => new DiscordHttpError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new DiscordHttpError(403, 50001, 'Missing Access'),
  cannotEditOthers: () => new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => new DiscordHttpError(400, 50006, 'Cannot send an empty message'),
  cannotDmUser: () => new DiscordHttpError(403, 50007, 'Cannot send messages to this user'),
  invalidWebhookToken: () => new DiscordHttpError(401, 50027, 'Invalid Webhook Token'),
  invalidFormBody: (path: readonly (string | number)[], code: string, message: string) =>
    new DiscordHttpError(400, 50035, 'Invalid Form Body', fieldErrors(path, code, message)),
} as const;
