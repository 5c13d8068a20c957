/**
 * Interaction responses: the initial callback (`POST /interactions/{id}/{token}/callback`, once, within the
 * response window) and the interaction webhook (`/webhooks/{appId}/{token}`: @original, follow-ups), valid for the
 * token lifetime (15 minutes on Discord).
 */
import type { APIMessage, APIMessageInteractionMetadata, MessageFlags } from 'discord.js';
import { z } from 'zod';
import { buildMessage, MessageFlag, parseBody } from '../messages.ts';
import type { InteractionCallbackRecord, InteractionRecord } from '../state.ts';
import { DiscordHttpError, Errors } from './errors.ts';
import { createMessage, editMessage } from './message-ops.ts';
import { noContent, ok, param, type RestContext, type RestResponse, type Route } from './types.ts';

export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;

const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

const callbackSchema = z.looseObject({ type: z.number().int(), data: z.looseObject({}).nullable().optional() });

const choicesSchema = z.looseObject({
  choices: z
    .array(z.looseObject({ name: z.string().min(1).max(100), value: z.union([z.string().max(100), z.number()]) }))
    .max(25, 'Must be 25 or fewer in length.'),
});

const modalSchema = z.looseObject({
  custom_id: z.string().min(1).max(100),
  title: z.string().min(1).max(45),
  components: z.array(z.looseObject({})).min(1).max(5),
});

/** Which callback types each interaction type accepts. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

function tokenExpired(ctx: RestContext, record: InteractionRecord): boolean {
  return Date.now() > record.dispatchedAt + ctx.settings.interactionTokenLifetimeMs;
}

function metadata(
  ctx: RestContext,
  record: InteractionRecord,
  extra: Partial<APIMessageInteractionMetadata> = {},
): APIMessageInteractionMetadata {
  const payload = record.payload;
  const base = {
    id: record.id,
    type: payload.type,
    user: record.user,
    authorizing_integration_owners: payload.authorizing_integration_owners ?? {},
    ...extra,
  } as Record<string, unknown>;
  if (payload.type === InteractionType.ApplicationCommand) {
    base.name = payload.data.name;
    base.command_type = payload.data.type;
  }
  if (payload.type === InteractionType.MessageComponent) base.interacted_message_id = payload.message.id;
  return base as unknown as APIMessageInteractionMetadata;
}

/** The message type of an interaction's response: CHAT_INPUT_COMMAND (20), CONTEXT_MENU_COMMAND (23), or DEFAULT. */
function responseMessageType(record: InteractionRecord): number {
  const payload = record.payload;
  if (payload.type !== InteractionType.ApplicationCommand) return 0;
  return payload.data.type === 1 ? 20 : 23;
}

function componentMessage(ctx: RestContext, record: InteractionRecord): APIMessage {
  const payload = record.payload;
  const id =
    payload.type === InteractionType.MessageComponent || payload.type === InteractionType.ModalSubmit ? payload.message?.id : undefined;
  if (!id)
    throw Errors.invalidFormBody(
      ['type'],
      'INTERACTION_RESPONSE_TYPE_INVALID',
      'Interaction response type is not valid for this interaction.',
    );
  return ctx.state.message(record.channelId, id);
}

function applyCallback(ctx: RestContext, record: InteractionRecord, type: number, data: unknown): APIMessage | null {
  const channel = ctx.state.channel(record.channelId);
  const appId = ctx.state.fixtures.application.id;
  const responseExtra: Partial<APIMessage> = { interaction_metadata: metadata(ctx, record) };
  if (record.payload.type === InteractionType.ApplicationCommand) {
    responseExtra.interaction = { id: record.id, type: 2, name: record.payload.data.name, user: record.user } as APIMessage['interaction'] &
      object;
  }
  switch (type) {
    case CallbackType.ChannelMessageWithSource: {
      const message = createMessage(ctx, channel, data, ctx.files, {
        author: ctx.state.fixtures.botUser,
        webhookId: appId,
        applicationId: appId,
        type: responseMessageType(record),
        allowEphemeral: true,
        extra: responseExtra,
      });
      ctx.state.addMessage(message);
      record.originalMessageId = message.id;
      ctx.events.messageCreated(message);
      return message;
    }
    case CallbackType.DeferredChannelMessageWithSource: {
      const ephemeral = (((data as { flags?: unknown } | null)?.flags as number | undefined) ?? 0) & MessageFlag.Ephemeral;
      const message = buildMessage({
        channel,
        author: ctx.state.fixtures.botUser,
        type: responseMessageType(record),
        flags: MessageFlag.Loading | ephemeral,
        webhookId: appId,
        applicationId: appId,
        extra: responseExtra,
      });
      ctx.state.addMessage(message);
      record.originalMessageId = message.id;
      ctx.events.messageCreated(message);
      return message;
    }
    case CallbackType.DeferredMessageUpdate: {
      const message = componentMessage(ctx, record);
      record.originalMessageId = message.id;
      return message;
    }
    case CallbackType.UpdateMessage: {
      const message = editMessage(ctx, componentMessage(ctx, record), data, ctx.files);
      ctx.state.replaceMessage(message);
      record.originalMessageId = message.id;
      ctx.events.messageUpdated(message);
      return message;
    }
    case CallbackType.ApplicationCommandAutocompleteResult:
      parseBody(choicesSchema, data);
      return null;
    case CallbackType.Modal:
      parseBody(modalSchema, data);
      return null;
    default:
      throw Errors.invalidFormBody(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {4, 5, 6, 7, 8, 9, 10, 12}.`);
  }
}

function callback(ctx: RestContext): RestResponse {
  const record = ctx.state.interactions.get(param(ctx, 'interactionId'));
  if (!record || record.token !== param(ctx, 'token')) throw Errors.unknownInteraction();
  const body = parseBody(callbackSchema, ctx.body);
  const withResponse = ctx.query.get('with_response') === 'true';
  const at = Date.now();
  const attempt: InteractionCallbackRecord = {
    type: body.type,
    elapsedMs: at - record.dispatchedAt,
    at,
    data: body.data ?? null,
    withResponse,
    status: 0,
  };
  record.callbacks.push(attempt);
  try {
    if (tokenExpired(ctx, record)) throw Errors.unknownInteraction();
    if (record.response) throw Errors.alreadyAcknowledged();
    const window = ctx.settings.callbackWindowMs;
    if (window !== null && attempt.elapsedMs > window) throw Errors.unknownInteraction();
    if (!(ALLOWED_CALLBACKS[record.payload.type] ?? []).includes(body.type)) {
      throw Errors.invalidFormBody(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        'Interaction response type is not valid for this interaction.',
      );
    }
    const message = applyCallback(ctx, record, body.type, body.data ?? null);
    attempt.status = withResponse ? 200 : 204;
    record.response = attempt;
    ctx.state.changed();
    if (!withResponse) return noContent();
    const flags = message?.flags ?? 0;
    return ok({
      interaction: {
        id: record.id,
        type: record.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (flags & MessageFlag.Loading) !== 0,
              response_message_ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type: body.type, ...(message && body.type !== CallbackType.DeferredMessageUpdate ? { message } : {}) },
    });
  } catch (error) {
    if (error instanceof DiscordHttpError) {
      attempt.status = error.status;
      attempt.errorCode = error.body.code;
      ctx.state.changed();
    }
    throw error;
  }
}

/** The interaction behind an interaction webhook; its token must be live and acknowledged. */
function webhookInteraction(ctx: RestContext): InteractionRecord {
  if (param(ctx, 'applicationId') !== ctx.state.fixtures.application.id) throw Errors.unknownWebhook();
  const record = ctx.state.interactionByToken(param(ctx, 'token'));
  if (!record || tokenExpired(ctx, record)) throw Errors.invalidWebhookToken();
  if (!record.response) throw Errors.unknownWebhook();
  return record;
}

function webhookMessage(ctx: RestContext, record: InteractionRecord): APIMessage {
  const id = param(ctx, 'messageId');
  const messageId = id === '@original' ? record.originalMessageId : id;
  if (!messageId || (messageId !== record.originalMessageId && !record.followupIds.includes(messageId))) throw Errors.unknownMessage();
  return ctx.state.message(record.channelId, messageId);
}

function editWebhookMessage(ctx: RestContext): RestResponse {
  const record = webhookInteraction(ctx);
  const message = webhookMessage(ctx, record);
  const edited = editMessage(ctx, message, ctx.body, ctx.files);
  edited.flags = ((edited.flags ?? 0) & ~MessageFlag.Loading) as MessageFlags;
  ctx.state.replaceMessage(edited);
  ctx.events.messageUpdated(edited);
  return ok(edited);
}

function followUp(ctx: RestContext): RestResponse {
  const record = webhookInteraction(ctx);
  const appId = ctx.state.fixtures.application.id;
  const message = createMessage(ctx, ctx.state.channel(record.channelId), ctx.body, ctx.files, {
    author: ctx.state.fixtures.botUser,
    webhookId: appId,
    applicationId: appId,
    allowEphemeral: true,
    extra: {
      interaction_metadata: metadata(
        ctx,
        record,
        record.originalMessageId ? { original_response_message_id: record.originalMessageId } : {},
      ),
    },
  });
  ctx.state.addMessage(message);
  record.followupIds.push(message.id);
  ctx.events.messageCreated(message);
  // Interaction webhooks always behave as `wait=true`.
  return ok(message);
}

const base = '/webhooks/:applicationId/:token';

export const interactionRoutes: Route[] = [
  { method: 'POST', path: '/interactions/:interactionId/:token/callback', auth: false, handler: callback },
  { method: 'POST', path: base, auth: false, handler: followUp },
  { method: 'GET', path: `${base}/messages/:messageId`, auth: false, handler: (ctx) => ok(webhookMessage(ctx, webhookInteraction(ctx))) },
  { method: 'PATCH', path: `${base}/messages/:messageId`, auth: false, handler: editWebhookMessage },
  {
    method: 'DELETE',
    path: `${base}/messages/:messageId`,
    auth: false,
    handler: (ctx) => {
      const record = webhookInteraction(ctx);
      const message = webhookMessage(ctx, record);
      ctx.state.removeMessage(message.channel_id, message.id);
      ctx.events.messageDeleted(message);
      return noContent();
    },
  },
];
