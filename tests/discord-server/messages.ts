/** Message objects: validating what the bot sends, building what Discord stores and dispatches. */
import type {
  APIAttachment,
  APIMessage,
  APIPartialEmoji,
  APIReaction,
  APIUser,
  GatewayMessageCreateDispatchData,
  MessageFlags,
  MessageType,
} from 'discord.js';
import { z } from 'zod';
import { Errors } from './rest/errors.ts';
import { discordTimestamp, snowflake } from './snowflake.ts';
import type { ChannelRecord, DiscordState } from './state.ts';

export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsVoiceMessage: 1 << 13,
  IsComponentsV2: 1 << 15,
} as const;

const snowflakeString = z.string().regex(/^\d{17,20}$/, 'Value "{}" is not snowflake.');

const allowedMentionsSchema = z
  .looseObject({
    parse: z.array(z.enum(['users', 'roles', 'everyone'])).optional(),
    users: z.array(snowflakeString).max(100).optional(),
    roles: z.array(snowflakeString).max(100).optional(),
    replied_user: z.boolean().optional(),
  })
  .nullable();

/** The JSON fields of a create/edit message body (channel messages, interaction responses and webhooks). */
export const messageBodySchema = z.looseObject({
  content: z.string().max(2000, 'Must be 2000 or fewer in length.').nullable().optional(),
  tts: z.boolean().optional(),
  nonce: z.union([z.string().max(25), z.number().int()]).optional(),
  enforce_nonce: z.boolean().optional(),
  embeds: z.array(z.looseObject({})).max(10, 'Must be 10 or fewer in length.').nullable().optional(),
  components: z
    .array(z.looseObject({ type: z.number().int() }))
    .nullable()
    .optional(),
  allowed_mentions: allowedMentionsSchema.optional(),
  message_reference: z
    .looseObject({
      type: z.number().int().optional(),
      message_id: snowflakeString.optional(),
      channel_id: snowflakeString.optional(),
      guild_id: snowflakeString.optional(),
      fail_if_not_exists: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  attachments: z
    .array(
      z.looseObject({
        id: z.union([z.string(), z.number()]),
        filename: z.string().optional(),
        // discord.js sends null for unset description/title/waveform/duration (AttachmentBuilder); Discord accepts it.
        description: z.string().max(1024).nullish(),
        title: z.string().nullish(),
        duration_secs: z.number().nullish(),
        waveform: z.string().nullish(),
      }),
    )
    .max(10)
    .nullable()
    .optional(),
  flags: z.number().int().nullable().optional(),
  sticker_ids: z.array(snowflakeString).max(3).optional(),
  poll: z.looseObject({}).optional(),
});

export type MessageBody = z.infer<typeof messageBodySchema>;
export type AllowedMentions = NonNullable<MessageBody['allowed_mentions']>;

/** Validates with a zod schema, answering like Discord (400, code 50035, nested `_errors`). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'symbol' ? String(key) : key));
  const code = issue?.code === 'too_big' ? 'BASE_TYPE_MAX_LENGTH' : 'BASE_TYPE_INVALID';
  throw Errors.invalidFormBody(path, code, issue?.message ?? 'Invalid Form Body');
}

/** Which user ids a message pings, given its content and `allowed_mentions` (absent: Discord parses everything). */
export function mentionedUsers(
  state: DiscordState,
  content: string,
  allowed: AllowedMentions | undefined,
  repliedTo: APIMessage | undefined,
): { users: APIUser[]; everyone: boolean; roles: string[] } {
  const parse = allowed ? (allowed.parse ?? []) : ['users', 'roles', 'everyone'];
  const ids = new Set<string>();
  for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
    const id = match[1];
    if (id && (parse.includes('users') || allowed?.users?.includes(id))) ids.add(id);
  }
  if (repliedTo && (allowed?.replied_user ?? !allowed) && repliedTo.author.id !== state.fixtures.botUser.id) {
    ids.add(repliedTo.author.id);
  }
  const roles = [...content.matchAll(/<@&(\d{17,20})>/g)]
    .map((m) => m[1] ?? '')
    .filter((id) => parse.includes('roles') || allowed?.roles?.includes(id));
  const users = [...ids].map((id) => state.users.get(id)).filter((u): u is APIUser => u !== undefined);
  return { users, everyone: parse.includes('everyone') && /@(everyone|here)/.test(content), roles };
}

export interface NewMessage {
  channel: ChannelRecord;
  author: APIUser;
  content?: string;
  type?: number;
  flags?: number;
  attachments?: APIAttachment[];
  embeds?: APIMessage['embeds'];
  components?: NonNullable<APIMessage['components']>;
  mentions?: APIUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  referencedMessage?: APIMessage;
  webhookId?: string;
  applicationId?: string;
  nonce?: string | number;
  tts?: boolean;
  extra?: Partial<APIMessage>;
}

/** A complete message object as the REST API returns it. */
export function buildMessage(input: NewMessage): APIMessage {
  const { channel, referencedMessage } = input;
  const message: APIMessage = {
    id: snowflake(),
    type: (input.type ?? (referencedMessage ? 19 : 0)) as MessageType,
    content: input.content ?? '',
    channel_id: channel.channel.id,
    author: input.author,
    attachments: input.attachments ?? [],
    embeds: input.embeds ?? [],
    mentions: input.mentions ?? [],
    mention_roles: input.mentionRoles ?? [],
    pinned: false,
    mention_everyone: input.mentionEveryone ?? false,
    tts: input.tts ?? false,
    timestamp: discordTimestamp(),
    edited_timestamp: null,
    flags: (input.flags ?? 0) as MessageFlags,
    components: input.components ?? [],
    ...input.extra,
  };
  if (input.nonce !== undefined) message.nonce = input.nonce;
  if (input.webhookId) message.webhook_id = input.webhookId;
  if (input.applicationId) message.application_id = input.applicationId;
  if (referencedMessage) {
    message.message_reference = {
      type: 0,
      channel_id: referencedMessage.channel_id,
      message_id: referencedMessage.id,
      ...(channel.guild ? { guild_id: channel.guild.id } : {}),
    };
    message.referenced_message = referencedMessage;
  }
  return message;
}

/**
 * The MESSAGE_CREATE / MESSAGE_UPDATE dispatch body: the message plus `guild_id`, `member` (guild messages),
 * `channel_type` and `mentions[].member`. discord.js needs `channel_type: 1` to build an uncached DM channel.
 */
export function gatewayMessage(state: DiscordState, message: APIMessage): GatewayMessageCreateDispatchData {
  const record = state.channel(message.channel_id);
  const guild = record.guild;
  const data: GatewayMessageCreateDispatchData = {
    ...message,
    channel_type: record.channel.type as GatewayMessageCreateDispatchData['channel_type'] & number,
    mentions: message.mentions.map((user) => {
      const member = guild ? state.member(guild, user.id) : undefined;
      if (!member) return user;
      const { user: _user, ...rest } = member;
      return { ...user, member: rest };
    }),
  };
  if (guild) {
    data.guild_id = guild.id;
    const member = state.member(guild, message.author.id);
    if (member && !message.webhook_id) {
      const { user: _user, ...rest } = member;
      data.member = rest;
    }
  }
  return data;
}

/** Whether a message would be rejected as empty (50006). */
export function isEmptyMessage(
  message: Pick<APIMessage, 'content' | 'embeds' | 'attachments' | 'components' | 'sticker_items' | 'poll'>,
): boolean {
  return (
    message.content.trim() === '' &&
    message.embeds.length === 0 &&
    message.attachments.length === 0 &&
    (message.components?.length ?? 0) === 0 &&
    (message.sticker_items?.length ?? 0) === 0 &&
    !message.poll
  );
}

/** The message with one more (or one less) reaction of `emoji`; `byBot` tracks `me`. */
export function withReaction(message: APIMessage, emoji: APIPartialEmoji, byBot: boolean, delta: 1 | -1): APIMessage {
  const key = emoji.id ?? emoji.name;
  const reactions = [...(message.reactions ?? [])];
  const index = reactions.findIndex((r) => (r.emoji.id ?? r.emoji.name) === key);
  const current = index >= 0 ? reactions[index] : undefined;
  const count = (current?.count ?? 0) + delta;
  const me = byBot ? delta > 0 : (current?.me ?? false);
  const next: APIReaction = {
    count,
    count_details: { burst: 0, normal: count },
    me,
    me_burst: false,
    emoji,
    burst_colors: [],
  };
  if (index >= 0) {
    if (count <= 0) reactions.splice(index, 1);
    else reactions[index] = next;
  } else if (count > 0) {
    reactions.push(next);
  }
  const result: APIMessage = { ...message };
  if (reactions.length > 0) result.reactions = reactions;
  else delete result.reactions;
  return result;
}

/** Parses a reaction emoji as written in a URL: a unicode emoji, or `name:id` / `a:name:id`. */
export function parseEmoji(text: string): APIPartialEmoji {
  const custom = /^(a:)?([\w~]{2,32}):(\d{17,20})$/.exec(text);
  if (custom) return { id: custom[3] ?? null, name: custom[2] ?? null, ...(custom[1] ? { animated: true } : {}) };
  return { id: null, name: text };
}
