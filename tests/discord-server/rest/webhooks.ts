/**
 * Channel webhooks (https://discord.com/developers/docs/resources/webhook): create and list a channel's webhooks,
 * get one, execute it with `username`/`avatar_url` (`?wait=true` returns the message, otherwise 204), and get, edit
 * and delete its messages. Webhook messages carry `webhook_id` and an author named as the execute asked; they are
 * dispatched as MESSAGE_CREATE/UPDATE/DELETE like any message.
 *
 * `/webhooks/{id}/{token}` is shared with interaction webhooks (`/webhooks/{application id}/{token}`): these
 * routes are registered first and hand requests for an id that is not a channel webhook to the interaction routes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { APIMessage, APIUser, APIWebhook, UserFlags } from 'discord.js';
import { z } from 'zod';
import { parseBody } from '../messages.ts';
import { snowflake } from '../snowflake.ts';
import type { DiscordState } from '../state.ts';
import { Errors } from './errors.ts';
import { interactionRoutes } from './interactions.ts';
import { createMessage, editMessage } from './message-ops.ts';
import { noContent, ok, param, type Handler, type RestContext, type RestResponse, type Route } from './types.ts';

/** A webhook as stored: the API object plus the ids of the messages it sent. */
export interface ChannelWebhook {
  readonly webhook: APIWebhook & { token: string };
  readonly channelId: string;
  readonly messageIds: Set<string>;
}

const webhooksOf = new WeakMap<DiscordState, Map<string, ChannelWebhook>>();

/** The channel webhooks of a fake server's state, by id (tests inspect them). */
export function channelWebhooks(state: DiscordState): Map<string, ChannelWebhook> {
  let map = webhooksOf.get(state);
  if (!map) webhooksOf.set(state, (map = new Map()));
  return map;
}

const createSchema = z.looseObject({ name: z.string().min(1).max(80), avatar: z.string().nullable().optional() });
const executeSchema = z.looseObject({ username: z.string().min(1).max(80).optional(), avatar_url: z.string().url().optional() });

function createWebhook(ctx: RestContext): RestResponse {
  const record = ctx.state.channel(param(ctx, 'channelId'));
  if (!record.guild) throw Errors.missingAccess();
  const body = parseBody(createSchema, ctx.body);
  if (/clyde|discord/iu.test(body.name))
    throw Errors.invalidFormBody(['name'], 'WEBHOOK_INVALID_NAME', 'Webhook names cannot contain "clyde" or "discord".');
  const webhook = {
    id: snowflake(),
    type: 1,
    channel_id: record.channel.id,
    guild_id: record.guild.id,
    name: body.name,
    avatar: null,
    token: randomBytes(24).toString('base64url'),
    application_id: ctx.state.fixtures.application.id,
    user: ctx.state.fixtures.botUser,
  } as APIWebhook & { token: string };
  channelWebhooks(ctx.state).set(webhook.id, { webhook, channelId: record.channel.id, messageIds: new Set() });
  ctx.state.changed();
  return ok(webhook);
}

/** The webhook named by the path, checking the token when the route has one. */
function target(ctx: RestContext): ChannelWebhook {
  const found = channelWebhooks(ctx.state).get(param(ctx, 'webhookId'));
  if (!found) throw Errors.unknownWebhook();
  if (ctx.params.token !== undefined && ctx.params.token !== found.webhook.token) throw Errors.invalidWebhookToken();
  return found;
}

/** The author Discord shows for a webhook message: the webhook's id, the name and avatar the execute asked for. */
function webhookAuthor(hook: ChannelWebhook, username: string | undefined, avatarUrl: string | undefined): APIUser {
  return {
    id: hook.webhook.id,
    username: username ?? hook.webhook.name ?? 'webhook',
    discriminator: '0000',
    global_name: null,
    // Discord stores the fetched image and answers with its hash.
    avatar: avatarUrl ? createHash('md5').update(avatarUrl).digest('hex') : null,
    bot: true,
    public_flags: 0 as UserFlags,
  } as APIUser;
}

function execute(ctx: RestContext): RestResponse {
  const hook = target(ctx);
  const body = parseBody(executeSchema, ctx.body);
  const channel = ctx.state.channel(hook.channelId);
  const message = createMessage(ctx, channel, ctx.body, ctx.files, {
    author: webhookAuthor(hook, body.username, body.avatar_url),
    webhookId: hook.webhook.id,
    ...(hook.webhook.application_id ? { applicationId: hook.webhook.application_id } : {}),
  });
  ctx.state.addMessage(message);
  hook.messageIds.add(message.id);
  ctx.events.messageCreated(message);
  return ctx.query.get('wait') === 'true' ? ok(message) : noContent();
}

function ownMessage(ctx: RestContext, hook: ChannelWebhook): APIMessage {
  const id = param(ctx, 'messageId');
  if (!hook.messageIds.has(id)) throw Errors.unknownMessage();
  return ctx.state.message(hook.channelId, id);
}

/** Runs the interaction-webhook route for the same method and path when the id is not a channel webhook. */
function orInteraction(method: Route['method'], path: string, handler: Handler): Handler {
  const fallback = interactionRoutes.find(
    (route) => route.method === method && route.path === path.replace(':webhookId', ':applicationId'),
  );
  return (ctx) => {
    if (channelWebhooks(ctx.state).has(param(ctx, 'webhookId')) || !fallback) return handler(ctx);
    return fallback.handler({ ...ctx, params: { ...ctx.params, applicationId: param(ctx, 'webhookId') } });
  };
}

const base = '/webhooks/:webhookId/:token';

export const webhookRoutes: Route[] = [
  { method: 'POST', path: '/channels/:channelId/webhooks', auth: true, handler: createWebhook },
  {
    method: 'GET',
    path: '/channels/:channelId/webhooks',
    auth: true,
    handler: (ctx) => {
      const channelId = ctx.state.channel(param(ctx, 'channelId')).channel.id;
      return ok([...channelWebhooks(ctx.state).values()].filter((hook) => hook.channelId === channelId).map((hook) => hook.webhook));
    },
  },
  { method: 'GET', path: '/webhooks/:webhookId', auth: true, handler: (ctx) => ok(target(ctx).webhook) },
  { method: 'GET', path: base, auth: false, handler: orInteraction('GET', base, (ctx) => ok(target(ctx).webhook)) },
  { method: 'POST', path: base, auth: false, handler: orInteraction('POST', base, execute) },
  {
    method: 'GET',
    path: `${base}/messages/:messageId`,
    auth: false,
    handler: orInteraction('GET', `${base}/messages/:messageId`, (ctx) => ok(ownMessage(ctx, target(ctx)))),
  },
  {
    method: 'PATCH',
    path: `${base}/messages/:messageId`,
    auth: false,
    handler: orInteraction('PATCH', `${base}/messages/:messageId`, (ctx) => {
      const edited = editMessage(ctx, ownMessage(ctx, target(ctx)), ctx.body, ctx.files);
      ctx.state.replaceMessage(edited);
      ctx.events.messageUpdated(edited);
      return ok(edited);
    }),
  },
  {
    method: 'DELETE',
    path: `${base}/messages/:messageId`,
    auth: false,
    handler: orInteraction('DELETE', `${base}/messages/:messageId`, (ctx) => {
      const hook = target(ctx);
      const message = ownMessage(ctx, hook);
      ctx.state.removeMessage(message.channel_id, message.id);
      hook.messageIds.delete(message.id);
      ctx.events.messageDeleted(message);
      return noContent();
    }),
  },
];
