/** What the fake Discord knows: channels and their messages, users, uploaded files, interactions, commands, the request log. */
import { EventEmitter } from 'node:events';
import type { APIApplicationCommand, APIChannel, APIGuildMember, APIInteraction, APIMessage, APIUser } from 'discord.js';
import { dmChannel, type Fixtures, type GuildFixture } from './fixtures.ts';
import { Errors } from './rest/errors.ts';

export interface StoredFile {
  channelId: string;
  id: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface ChannelRecord {
  channel: APIChannel;
  guild: GuildFixture | null;
  /** Oldest first; edits replace the entry, deletes remove it. */
  messages: APIMessage[];
}

export interface InteractionCallbackRecord {
  type: number;
  /** Milliseconds after the INTERACTION_CREATE dispatch (Discord allows 3 000). */
  elapsedMs: number;
  at: number;
  data: unknown;
  withResponse: boolean;
  /** The HTTP status the server answered: 200/204 accepted, 4xx rejected. */
  status: number;
  errorCode?: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  payload: APIInteraction;
  channelId: string;
  guildId: string | null;
  user: APIUser;
  dispatchedAt: number;
  /** Every callback attempt, accepted or not. */
  callbacks: InteractionCallbackRecord[];
  /** The accepted initial response, if any. */
  response: InteractionCallbackRecord | null;
  originalMessageId: string | null;
  followupIds: string[];
}

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
  bytes: Buffer;
}

export interface RequestLogEntry {
  seq: number;
  at: number;
  method: string;
  /** The full path without the query, e.g. `/api/v10/channels/1/messages`. */
  path: string;
  /** The percent-decoded path after `/api/v10`, e.g. `/users/@me` (the whole path for non-API requests). */
  route: string;
  query: Record<string, string>;
  /** Request headers, without `authorization`. */
  headers: Record<string, string>;
  authorized: boolean;
  /** JSON body, or the parsed `payload_json` of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** Whether a route matched (false: answered 404/405 as an unknown route). */
  matched: boolean;
  status: number;
  response: unknown;
}

export type CommandScope = 'global' | { guildId: string };

export class DiscordState extends EventEmitter {
  readonly channels = new Map<string, ChannelRecord>();
  readonly users = new Map<string, APIUser>();
  readonly files = new Map<string, StoredFile>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly requests: RequestLogEntry[] = [];
  readonly deletedMessages: APIMessage[] = [];
  /** Users whose DMs refuse the bot (50007). */
  readonly closedDms = new Set<string>();
  private readonly dmByUser = new Map<string, string>();

  constructor(readonly fixtures: Fixtures) {
    super();
    this.setMaxListeners(0);
    for (const user of [fixtures.botUser, fixtures.users.alice, fixtures.users.bob]) this.users.set(user.id, user);
    for (const guild of fixtures.guilds) {
      for (const channel of Object.values(guild.channels)) this.channels.set(channel.id, { channel, guild, messages: [] });
    }
  }

  /** Signals waiters that something observable changed. */
  changed(): void {
    this.emit('change');
  }

  guild(id: string): GuildFixture {
    const guild = this.fixtures.guilds.find((g) => g.id === id);
    if (!guild) throw Errors.unknownGuild();
    return guild;
  }

  member(guild: GuildFixture, userId: string): APIGuildMember | undefined {
    return guild.members.find((m) => m.user.id === userId);
  }

  user(id: string): APIUser {
    const user = this.users.get(id);
    if (!user) throw Errors.unknownUser();
    return user;
  }

  channel(id: string): ChannelRecord {
    const record = this.channels.get(id);
    if (!record) throw Errors.unknownChannel();
    return record;
  }

  /** The bot's DM channel with a user, created on first use (as `POST /users/@me/channels` does). */
  dmChannel(user: APIUser): ChannelRecord {
    const existing = this.dmByUser.get(user.id);
    if (existing) return this.channel(existing);
    const channel = dmChannel(user);
    const record: ChannelRecord = { channel, guild: null, messages: [] };
    this.channels.set(channel.id, record);
    this.dmByUser.set(user.id, channel.id);
    return record;
  }

  /** The other party of a DM channel. */
  dmRecipient(record: ChannelRecord): APIUser | undefined {
    return record.channel.type === 1 ? record.channel.recipients?.[0] : undefined;
  }

  findMessage(channelId: string, messageId: string): APIMessage | undefined {
    return this.channels.get(channelId)?.messages.find((m) => m.id === messageId);
  }

  message(channelId: string, messageId: string): APIMessage {
    const message = this.channel(channelId).messages.find((m) => m.id === messageId);
    if (!message) throw Errors.unknownMessage();
    return message;
  }

  addMessage(message: APIMessage): void {
    const record = this.channel(message.channel_id);
    record.messages.push(message);
    if ('last_message_id' in record.channel) record.channel.last_message_id = message.id;
    this.changed();
  }

  replaceMessage(message: APIMessage): void {
    const list = this.channel(message.channel_id).messages;
    const index = list.findIndex((m) => m.id === message.id);
    if (index >= 0) list[index] = message;
    this.changed();
  }

  removeMessage(channelId: string, messageId: string): APIMessage | undefined {
    const list = this.channel(channelId).messages;
    const index = list.findIndex((m) => m.id === messageId);
    if (index < 0) return undefined;
    const [removed] = list.splice(index, 1);
    if (removed) this.deletedMessages.push(removed);
    this.changed();
    return removed;
  }

  commands(scope: CommandScope): APIApplicationCommand[] {
    if (scope === 'global') return this.globalCommands;
    let list = this.guildCommands.get(scope.guildId);
    if (!list) this.guildCommands.set(scope.guildId, (list = []));
    return list;
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    for (const record of this.interactions.values()) if (record.token === token) return record;
    return undefined;
  }
}
