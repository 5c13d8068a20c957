/** The contract between the HTTP server and the route modules. */
import type { APIMessage, APIPartialEmoji } from 'discord.js';
import type { DiscordState } from '../state.ts';
import { Errors } from './errors.ts';

export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** Side effects routes have on the gateway (Discord echoes the bot's own actions as dispatches). */
export interface ServerEvents {
  messageCreated(message: APIMessage): void;
  messageUpdated(message: APIMessage): void;
  messageDeleted(message: APIMessage): void;
  reactionAdded(message: APIMessage, userId: string, emoji: APIPartialEmoji): void;
  reactionRemoved(message: APIMessage, userId: string, emoji: APIPartialEmoji): void;
}

export interface ServerSettings {
  token: string;
  /** `http://127.0.0.1:<port>`. */
  baseUrl(): string;
  interactionTokenLifetimeMs: number;
  /** How long after INTERACTION_CREATE the initial callback is accepted (null: forever). */
  callbackWindowMs: number | null;
}

export interface RestContext {
  state: DiscordState;
  events: ServerEvents;
  settings: ServerSettings;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: RestContext) => RestResponse | Promise<RestResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path after `/api/v10`, with `:name` parameters, e.g. `/channels/:channelId/messages`. */
  path: string;
  /** Whether `Authorization: Bot <token>` is required (webhook and interaction-token routes take no auth). */
  auth: boolean;
  handler: Handler;
}

/** A path parameter that the route pattern guarantees. */
export function param(ctx: RestContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw Errors.notFound();
  return value;
}

export const ok = (body: unknown): RestResponse => ({ status: 200, body });
export const noContent = (): RestResponse => ({ status: 204 });
