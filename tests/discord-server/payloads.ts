/** Guild payloads: the REST guild object and the gateway GUILD_CREATE. */
import type {
  APIGuild,
  GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildHubType,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
} from 'discord.js';
import type { GuildFixture } from './fixtures.ts';

export function guildObject(guild: GuildFixture): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1 as GuildVerificationLevel,
    default_message_notifications: 1 as GuildDefaultMessageNotifications,
    explicit_content_filter: 2 as GuildExplicitContentFilter,
    roles: [guild.roles.everyone, guild.roles.bot],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0 as GuildMFALevel,
    application_id: null,
    system_channel_id: guild.channels.general.id,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_presences: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: 0 as GuildPremiumTier,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US' as Locale,
    nsfw_level: 0 as GuildNSFWLevel,
    hub_type: null as GuildHubType | null,
    incidents_data: null,
  };
}

/** GUILD_CREATE as sent after READY: the full guild with channels, threads, members and `unavailable: false`. */
export function guildCreate(guild: GuildFixture): GatewayGuildCreateDispatchData {
  const { category, general, second, thread } = guild.channels;
  // Guild channels in GUILD_CREATE come without guild_id.
  const strip = <T extends { guild_id?: string }>(channel: T) => {
    const { guild_id: _guildId, ...rest } = channel;
    return rest;
  };
  return {
    ...guildObject(guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    members: guild.members,
    channels: [strip(category), strip(general), strip(second)] as GatewayGuildCreateDispatchData['channels'],
    threads: [thread],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
