/** Per-server allow/deny lists of channels and roles (config `discord.access`). Deny wins. */
import type { GuildMember } from 'discord.js';
import type { Config } from '../../config/index.ts';
import type { ScopeChain } from './settings.ts';

export function isAllowed(access: Config['discord']['access'], channelIds: readonly string[], member: GuildMember | null): boolean {
  if (channelIds.some((id) => access.denyChannels.includes(id))) return false;
  if (access.allowChannels.length && !channelIds.some((id) => access.allowChannels.includes(id))) return false;
  const roles = member ? [...member.roles.cache.keys()] : [];
  if (roles.some((id) => access.denyRoles.includes(id))) return false;
  if (access.allowRoles.length && member && !roles.some((id) => access.allowRoles.includes(id))) return false;
  return true;
}

/** The channel and its parents (thread → channel → category), innermost last. */
export function channelChain(channel: { readonly id: string } | null): string[] {
  const chain: string[] = [];
  let current: unknown = channel;
  while (current && typeof current === 'object' && 'id' in current) {
    chain.unshift(String(current.id));
    current = 'parent' in current ? current.parent : null;
  }
  return chain;
}

/** The settings scopes of an interaction: its guild and channel chain (the channel id alone when uncached). */
export function interactionScope(interaction: {
  guildId: string | null;
  channelId: string | null;
  channel: { readonly id: string } | null;
}): ScopeChain | null {
  if (!interaction.guildId) return null;
  const chain = channelChain(interaction.channel);
  return { guildId: interaction.guildId, channelIds: chain.length ? chain : interaction.channelId ? [interaction.channelId] : [] };
}
