/** Creating and editing messages from a request body (channel messages, interaction responses, webhooks). */
import type { APIAttachment, APIMessage, APIUser, MessageFlags } from 'discord.js';
import { buildMessage, isEmptyMessage, mentionedUsers, MessageFlag, messageBodySchema, parseBody, type MessageBody } from '../messages.ts';
import { discordTimestamp } from '../snowflake.ts';
import type { ChannelRecord } from '../state.ts';
import { storeFile } from './attachments.ts';
import { Errors } from './errors.ts';
import { checkVoiceMessage, checkVoiceMessageEdit } from '../voice-messages.ts';
import type { RestContext, UploadedFile } from './types.ts';

const CREATE_FLAGS =
  MessageFlag.SuppressEmbeds | MessageFlag.SuppressNotifications | MessageFlag.IsVoiceMessage | MessageFlag.IsComponentsV2;

export interface CreateOptions {
  author: APIUser;
  webhookId?: string;
  applicationId?: string;
  type?: number;
  /** Interaction responses and follow-ups may be ephemeral. */
  allowEphemeral?: boolean;
  extra?: Partial<APIMessage>;
}

function checkAllowedMentions(body: MessageBody): void {
  const allowed = body.allowed_mentions;
  if (!allowed?.parse) return;
  if (allowed.parse.includes('users') && (allowed.users?.length ?? 0) > 0) {
    throw Errors.invalidFormBody(
      ['allowed_mentions'],
      'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
      'parse:["users"] and users: [ids...] are mutually exclusive.',
    );
  }
  if (allowed.parse.includes('roles') && (allowed.roles?.length ?? 0) > 0) {
    throw Errors.invalidFormBody(
      ['allowed_mentions'],
      'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
      'parse:["roles"] and roles: [ids...] are mutually exclusive.',
    );
  }
}

/** Turns uploaded `files[n]` into attachments, using the body's `attachments` entries (by index) for metadata. */
function uploadFiles(ctx: RestContext, channelId: string, body: MessageBody, files: UploadedFile[]): Map<string, APIAttachment> {
  const uploaded = new Map<string, APIAttachment>();
  if (files.length > 10) throw Errors.invalidFormBody(['files'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  for (const [position, file] of files.entries()) {
    const index = /^files\[(\d+)\]$/.exec(file.field)?.[1] ?? /^file(\d*)$/.exec(file.field)?.[1] ?? String(position);
    const meta = body.attachments?.find((a) => String(a.id) === index);
    const extras = {
      ...(meta?.description != null ? { description: meta.description } : {}),
      ...(meta?.title != null ? { title: meta.title } : {}),
      ...(meta?.duration_secs != null ? { durationSecs: meta.duration_secs } : {}),
      ...(meta?.waveform != null ? { waveform: meta.waveform } : {}),
    };
    const name = meta?.filename ?? file.name;
    uploaded.set(index, storeFile(ctx.state, ctx.settings.baseUrl(), channelId, name, file.contentType, file.bytes, extras));
  }
  return uploaded;
}

export function createMessage(
  ctx: RestContext,
  channel: ChannelRecord,
  rawBody: unknown,
  files: UploadedFile[],
  options: CreateOptions,
): APIMessage {
  const body = parseBody(messageBodySchema, rawBody);
  checkAllowedMentions(body);
  const flags = body.flags ?? 0;
  const allowedFlags = CREATE_FLAGS | (options.allowEphemeral ? MessageFlag.Ephemeral : 0);
  if ((flags & ~allowedFlags) !== 0) throw Errors.invalidFormBody(['flags'], 'MESSAGE_FLAGS_INVALID', 'Invalid message flags.');

  let referenced: APIMessage | undefined;
  const reference = body.message_reference;
  if (reference?.message_id && (reference.type ?? 0) === 0) {
    referenced = ctx.state.findMessage(reference.channel_id ?? channel.channel.id, reference.message_id);
    if (!referenced && reference.fail_if_not_exists !== false) {
      throw Errors.invalidFormBody(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
    }
  }

  const uploaded = uploadFiles(ctx, channel.channel.id, body, files);
  const content = body.content ?? '';
  const mentions = mentionedUsers(ctx.state, content, body.allowed_mentions ?? undefined, referenced);
  const message = buildMessage({
    channel,
    author: options.author,
    content,
    flags,
    attachments: [...uploaded.values()],
    embeds: (body.embeds ?? []) as APIMessage['embeds'],
    components: (body.components ?? []) as NonNullable<APIMessage['components']>,
    mentions: mentions.users,
    mentionRoles: mentions.roles,
    mentionEveryone: mentions.everyone,
    tts: body.tts ?? false,
    ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
    ...(referenced ? { referencedMessage: referenced } : {}),
    ...(options.type !== undefined ? { type: options.type } : {}),
    ...(options.webhookId ? { webhookId: options.webhookId } : {}),
    ...(options.applicationId ? { applicationId: options.applicationId } : {}),
    ...(options.extra ? { extra: options.extra } : {}),
  });
  if (isEmptyMessage(message)) throw Errors.emptyMessage();
  checkVoiceMessage(ctx.state, channel, body, message);
  return message;
}

/** The message after a PATCH: fields present in the body replace the old ones. */
export function editMessage(ctx: RestContext, message: APIMessage, rawBody: unknown, files: UploadedFile[]): APIMessage {
  checkVoiceMessageEdit(message);
  const body = parseBody(messageBodySchema, rawBody);
  checkAllowedMentions(body);
  const next: APIMessage = { ...message, edited_timestamp: discordTimestamp() };
  if (body.content !== undefined) next.content = body.content ?? '';
  if (body.embeds !== undefined) next.embeds = (body.embeds ?? []) as APIMessage['embeds'];
  if (body.components !== undefined) next.components = (body.components ?? []) as NonNullable<APIMessage['components']>;
  if (body.flags !== undefined && body.flags !== null) {
    // Only SUPPRESS_EMBEDS can be toggled by an edit.
    next.flags = (((message.flags ?? 0) & ~MessageFlag.SuppressEmbeds) | (body.flags & MessageFlag.SuppressEmbeds)) as MessageFlags;
  }
  const uploaded = uploadFiles(ctx, message.channel_id, body, files);
  if (body.attachments !== undefined) {
    const keep = new Set((body.attachments ?? []).map((a) => String(a.id)));
    next.attachments = [...message.attachments.filter((a) => keep.has(a.id)), ...uploaded.values()];
  } else {
    next.attachments = [...message.attachments, ...uploaded.values()];
  }
  if (body.content !== undefined) {
    const referenced = message.referenced_message ?? undefined;
    const mentions = mentionedUsers(ctx.state, next.content, body.allowed_mentions ?? undefined, referenced);
    next.mentions = mentions.users;
    next.mention_roles = mentions.roles;
    next.mention_everyone = mentions.everyone;
  }
  if (isEmptyMessage(next)) throw Errors.emptyMessage();
  return next;
}
