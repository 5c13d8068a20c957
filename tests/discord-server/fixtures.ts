/** The world the fake server starts with: an application and its bot user, guilds with channels, roles and members, some humans. */
import type {
  APIApplication,
  APIDMChannel,
  APIGuildCategoryChannel,
  APIGuildMember,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  ChannelFlags,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { discordTimestamp, snowflake } from './snowflake.ts';

/** Permission bits (https://discord.com/developers/docs/topics/permissions). */
export const Permission = {
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
  SendVoiceMessages: 1n << 46n,
} as const;

const EVERYONE_PERMISSIONS =
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands |
  Permission.CreatePublicThreads |
  Permission.SendMessagesInThreads |
  Permission.SendVoiceMessages;

/** What the bot's managed role grants on top of @everyone. */
export const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | Permission.ManageMessages;

export interface GuildFixture {
  id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  roles: { everyone: APIRole; bot: APIRole };
  channels: { category: APIGuildCategoryChannel; general: APITextChannel; second: APITextChannel; thread: APIThreadChannel };
  members: APIGuildMember[];
}

export interface ApplicationFixture {
  id: string;
  name: string;
  /** GATEWAY_MESSAGE_CONTENT_LIMITED (1 << 19): the bot is unverified and may use the Message Content intent. */
  flags: number;
}

export interface Fixtures {
  application: ApplicationFixture;
  botUser: APIUser;
  users: { alice: APIUser; bob: APIUser };
  guilds: GuildFixture[];
}

export function makeUser(username: string, globalName: string | null, bot = false): APIUser {
  const user: APIUser = {
    id: snowflake(),
    username,
    discriminator: bot ? '4821' : '0',
    global_name: globalName,
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
  if (bot) user.bot = true;
  return user;
}

function role(id: string, name: string, permissions: bigint, position: number, extra: Partial<APIRole> = {}): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  };
}

export function makeMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

function textChannel(guildId: string, name: string, position: number, parentId: string | null): APITextChannel {
  const channel: APITextChannel = {
    id: snowflake(),
    type: 0,
    guild_id: guildId,
    name,
    position,
    parent_id: parentId,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
    flags: 0 as ChannelFlags,
    default_thread_rate_limit_per_user: 0,
    default_auto_archive_duration: 4320,
    last_pin_timestamp: null,
  };
  return channel;
}

function makeGuild(name: string, botUser: APIUser, humans: APIUser[]): GuildFixture {
  const id = snowflake();
  const joinedAt = discordTimestamp(Date.now() - 86_400_000);
  const owner = humans[0] ?? botUser;
  const everyone = role(id, '@everyone', EVERYONE_PERMISSIONS, 0);
  const bot = role(snowflake(), botUser.username, BOT_PERMISSIONS, 1, { managed: true, tags: { bot_id: botUser.id } });
  const category: APIGuildCategoryChannel = {
    id: snowflake(),
    type: 4,
    guild_id: id,
    name: 'Text Channels',
    position: 0,
    parent_id: null,
    nsfw: false,
    permission_overwrites: [],
    flags: 0 as ChannelFlags,
  };
  const general = textChannel(id, 'general', 0, category.id);
  const second = textChannel(id, 'translations', 1, category.id);
  const thread: APIThreadChannel = {
    id: snowflake(),
    type: 11,
    guild_id: id,
    parent_id: general.id,
    owner_id: owner.id,
    name: 'a thread',
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    applied_tags: [],
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: discordTimestamp(),
      locked: false,
      create_timestamp: discordTimestamp(),
    },
  };
  const members = [makeMember(botUser, [bot.id], joinedAt), ...humans.map((user) => makeMember(user, [], joinedAt))];
  return { id, name, ownerId: owner.id, joinedAt, roles: { everyone, bot }, channels: { category, general, second, thread }, members };
}

export function createFixtures(guildNames: readonly string[]): Fixtures {
  const botUser = makeUser('kotodama', null, true);
  const alice = makeUser('alice', 'Alice');
  const bob = makeUser('bob', 'Bob');
  const application: ApplicationFixture = { id: botUser.id, name: 'kotodama', flags: 1 << 19 };
  const guilds = guildNames.map((name) => makeGuild(name, botUser, [alice, bob]));
  return { application, botUser, users: { alice, bob }, guilds };
}

/** The `/applications/@me` object for the application. */
export function applicationObject(app: ApplicationFixture, botUser: APIUser, owner: APIUser): APIApplication {
  const application: APIApplication = {
    id: app.id,
    name: app.name,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: botUser,
    owner,
    summary: '',
    verify_key: 'a'.repeat(64),
    team: null,
    flags: app.flags,
    flags_new: String(app.flags),
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    redirect_uris: [],
    interactions_endpoint_url: null,
    event_webhooks_url: null,
    event_webhooks_status: 1,
    integration_types_config: { '0': {}, '1': {} },
  };
  return application;
}

/** A DM channel (type 1) between the bot and `user`, as `POST /users/@me/channels` returns it. */
export function dmChannel(user: APIUser): APIDMChannel {
  const channel: APIDMChannel = {
    id: snowflake(),
    type: 1,
    last_message_id: null,
    name: null,
    recipients: [user],
    flags: 0 as ChannelFlags,
  };
  return channel;
}
