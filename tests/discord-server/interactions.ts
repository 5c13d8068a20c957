/** INTERACTION_CREATE payloads as Discord sends them to a bot over the gateway. */
import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIInteraction,
  APIInteractionDataResolved,
  APIMessage,
  APIUser,
} from 'discord.js';
import { BOT_PERMISSIONS, type GuildFixture } from './fixtures.ts';
import { snowflake } from './snowflake.ts';
import { botChannelPermissions } from './voice-messages.ts';
import type { ChannelRecord, DiscordState } from './state.ts';

/** A command option as a test describes it. */
export type CommandOptionInput =
  | { name: string; value: string | number | boolean; type?: number; focused?: boolean }
  | { name: string; attachment: APIAttachment }
  | { name: string; user: APIUser }
  | { name: string; subcommand: CommandOptionInput[] };

export interface InteractionSource {
  /** Defaults to the first guild's #general. */
  channelId?: string;
  /** Defaults to alice. */
  user?: APIUser;
  locale?: string;
}

/** Interaction tokens are long opaque strings; Discord's start with base64 of `interaction:<id>:`. */
function interactionToken(id: string): string {
  return `${Buffer.from(`interaction:${id}:`).toString('base64url')}${randomBytes(96).toString('base64url')}`;
}

/** Discord gives a guild's owner every permission, whatever their roles. */
const ALL_PERMISSIONS = (1n << 53n) - 1n;

function memberPermissions(guild: GuildFixture, roleIds: readonly string[], userId?: string): bigint {
  if (userId !== undefined && userId === guild.ownerId) return ALL_PERMISSIONS;
  let permissions = BigInt(guild.roles.everyone.permissions);
  for (const role of [guild.roles.bot]) if (roleIds.includes(role.id)) permissions |= BigInt(role.permissions);
  return permissions;
}

/** The fields every interaction shares: ids, token, channel, member/user, permissions, locale, context. */
function common(state: DiscordState, record: ChannelRecord, user: APIUser, locale: string): Record<string, unknown> {
  const id = snowflake();
  const guild = record.guild;
  // Discord computes app_permissions for the channel, overwrites included.
  const appPermissions = (guild ? botChannelPermissions(state, record) : BOT_PERMISSIONS).toString();
  const base: Record<string, unknown> = {
    id,
    application_id: state.fixtures.application.id,
    token: interactionToken(id),
    version: 1,
    channel_id: record.channel.id,
    app_permissions: appPermissions,
    locale,
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (guild) {
    const member = state.member(guild, user.id);
    if (!member) throw new Error(`user ${user.username} is not a member of ${guild.name}`);
    base.guild_id = guild.id;
    base.guild = { id: guild.id, locale: 'en-US', features: [] };
    base.guild_locale = 'en-US';
    base.member = { ...member, permissions: memberPermissions(guild, member.roles, user.id).toString() };
    base.channel = { ...record.channel, permissions: memberPermissions(guild, member.roles, user.id).toString() };
    base.authorizing_integration_owners = { '0': guild.id };
    base.context = 0;
  } else {
    base.user = user;
    base.channel = record.channel;
    // GUILD_INSTALL is "0" in the bot's DM.
    base.authorizing_integration_owners = { '0': '0' };
    base.context = 1;
  }
  return base;
}

function optionType(value: string | number | boolean): number {
  if (typeof value === 'string') return 3;
  if (typeof value === 'boolean') return 5;
  return Number.isInteger(value) ? 4 : 10;
}

/** Converts test options to `data.options`, collecting referenced objects into `resolved`. */
function toOptions(
  state: DiscordState,
  guild: GuildFixture | null,
  inputs: readonly CommandOptionInput[],
  resolved: APIInteractionDataResolved,
): APIApplicationCommandInteractionDataOption[] {
  return inputs.map((input) => {
    let option: Record<string, unknown>;
    if ('subcommand' in input) {
      option = { name: input.name, type: 1, options: toOptions(state, guild, input.subcommand, resolved) };
    } else if ('attachment' in input) {
      resolved.attachments = { ...resolved.attachments, [input.attachment.id]: input.attachment };
      option = { name: input.name, type: 11, value: input.attachment.id };
    } else if ('user' in input) {
      resolved.users = { ...resolved.users, [input.user.id]: input.user };
      const member = guild ? state.member(guild, input.user.id) : undefined;
      if (member && guild) {
        const { user: _user, ...rest } = member;
        resolved.members = {
          ...resolved.members,
          [input.user.id]: { ...rest, permissions: memberPermissions(guild, member.roles).toString() },
        };
      }
      option = { name: input.name, type: 6, value: input.user.id };
    } else {
      option = { name: input.name, type: input.type ?? optionType(input.value), value: input.value };
      if (input.focused) option.focused = true;
    }
    return option as unknown as APIApplicationCommandInteractionDataOption;
  });
}

export interface CommandInput extends InteractionSource {
  name: string;
  options?: CommandOptionInput[];
  commandId?: string;
}

/** The registered command's id (commands registered via REST keep theirs), or a fresh one. */
function commandId(
  state: DiscordState,
  name: string,
  type: number,
  guildId: string | undefined,
  explicit?: string,
): { id: string; guildId?: string } {
  if (explicit) return { id: explicit };
  const guildCommand = guildId ? state.guildCommands.get(guildId)?.find((c) => c.name === name && c.type === type) : undefined;
  if (guildCommand && guildId) return { id: guildCommand.id, guildId };
  const global = state.globalCommands.find((c) => c.name === name && c.type === type);
  return { id: global?.id ?? snowflake() };
}

export function commandInteraction(
  state: DiscordState,
  record: ChannelRecord,
  user: APIUser,
  input: CommandInput,
  autocomplete: boolean,
): APIInteraction {
  const resolved: APIInteractionDataResolved = {};
  const options = toOptions(state, record.guild, input.options ?? [], resolved);
  const command = commandId(state, input.name, 1, record.guild?.id, input.commandId);
  const data: Record<string, unknown> = { id: command.id, name: input.name, type: 1, options };
  if (command.guildId) data.guild_id = command.guildId;
  if (!autocomplete && Object.keys(resolved).length > 0) data.resolved = resolved;
  return { ...common(state, record, user, input.locale ?? 'en-US'), type: autocomplete ? 4 : 2, data } as unknown as APIInteraction;
}

export interface MessageCommandInput extends InteractionSource {
  name: string;
  target: APIMessage;
  commandId?: string;
}

export function messageCommandInteraction(
  state: DiscordState,
  record: ChannelRecord,
  user: APIUser,
  input: MessageCommandInput,
): APIInteraction {
  const command = commandId(state, input.name, 3, record.guild?.id, input.commandId);
  const data: Record<string, unknown> = {
    id: command.id,
    name: input.name,
    type: 3,
    target_id: input.target.id,
    resolved: { messages: { [input.target.id]: input.target } },
  };
  if (command.guildId) data.guild_id = command.guildId;
  return { ...common(state, record, user, input.locale ?? 'en-US'), type: 2, data } as unknown as APIInteraction;
}

export interface ComponentInput extends InteractionSource {
  /** The message carrying the component (the channel is taken from it). */
  message: APIMessage;
  customId: string;
  /** 2 button (default), 3 string select... */
  componentType?: number;
  values?: string[];
}

export function componentInteraction(state: DiscordState, record: ChannelRecord, user: APIUser, input: ComponentInput): APIInteraction {
  const componentType = input.componentType ?? 2;
  const data: Record<string, unknown> = { custom_id: input.customId, component_type: componentType };
  if (componentType !== 2) data.values = input.values ?? [];
  return { ...common(state, record, user, input.locale ?? 'en-US'), type: 3, message: input.message, data } as unknown as APIInteraction;
}

export interface ModalInput extends InteractionSource {
  customId: string;
  /** Text input custom id → value. */
  fields: Record<string, string>;
  /** The message whose component opened the modal, if any. */
  message?: APIMessage;
}

export function modalSubmitInteraction(state: DiscordState, record: ChannelRecord, user: APIUser, input: ModalInput): APIInteraction {
  const components = Object.entries(input.fields).map(([customId, value]) => ({
    type: 1,
    components: [{ type: 4, custom_id: customId, value }],
  }));
  const payload: Record<string, unknown> = {
    ...common(state, record, user, input.locale ?? 'en-US'),
    type: 5,
    data: { custom_id: input.customId, components },
  };
  if (input.message) payload.message = input.message;
  return payload as unknown as APIInteraction;
}
