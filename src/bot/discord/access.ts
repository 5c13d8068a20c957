/** Per-server allow/deny lists of channels and roles (config `discord.access`). Deny wins. */
import type { GuildMember, Message } from 'discord.js';
import type { Config } from '../../config/index.ts';

export function isAllowed(access: Config['discord']['access'], channelIds: readonly string[], member: GuildMember | null): boolean {
  if (channelIds.some((id) => access.denyChannels.includes(id))) return false;
  if (access.allowChannels.length && !channelIds.some((id) => access.allowChannels.includes(id))) return false;
  const roles = member ? [...member.roles.cache.keys()] : [];
  if (roles.some((id) => access.denyRoles.includes(id))) return false;
  if (access.allowRoles.length && member && !roles.some((id) => access.allowRoles.includes(id))) return false;
  return true;
}

/** The channel and its parents (thread → channel → category), innermost last. */
export function channelChain(channel: Message['channel']): string[] {
  const chain: string[] = [channel.id];
  let parent = 'parent' in channel ? channel.parent : null;
  while (parent) {
    chain.unshift(parent.id);
    parent = 'parent' in parent ? parent.parent : null;
  }
  return chain;
}
