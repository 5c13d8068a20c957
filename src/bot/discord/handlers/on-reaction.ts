/**
 * Reactions: each lane may handle one (👎 on an FAQ answer records feedback) or ask for a job (a flag translates
 * the message). One job per message and request however many members react (the plan's source id dedups), and a
 * refused reaction stays silent: a reaction is a one-click action, it never earns a public scolding.
 */
import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { isUserError } from '../../../core/errors.ts';
import type { JobContext } from '../../../queue/envelope.ts';
import { isAllowed } from '../access.ts';
import type { DiscordBot } from '../app.ts';
import { forMember } from '../errors.ts';
import type { IncomingReaction } from '../services.ts';
import { reactionRoutes } from '../surfaces.ts';
import { messageLocale } from './on-message.ts';

export async function onReaction(
  bot: DiscordBot,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
): Promise<void> {
  if (user.bot) return;
  try {
    const message = reaction.message.partial ? await reaction.message.fetch() : reaction.message;
    const member = user.partial ? await user.fetch() : user;
    const scope = bot.scopeOf(message);
    if (scope && message.guild) {
      const guildMember = await message.guild.members.fetch(member.id).catch(() => null);
      if (!isAllowed(bot.config.discord.access, scope.channelIds, guildMember)) return;
    }
    const settings = await bot.settings.resolve(scope, member.id);
    const incoming: IncomingReaction = {
      message,
      user: member,
      emoji: reaction.emoji.name ?? '',
      settings,
      locale: messageLocale(message, settings),
    };
    for (const { lane, route } of reactionRoutes()) {
      if (await route.handle?.(incoming, bot)) return;
      const plan = await route.plan?.(incoming, bot);
      if (!plan || !settings.laneEnabled(lane.name) || !bot.producer.tunables(lane.name).enabled) continue;
      const sourceId = plan.sourceId ?? `${message.id}-${lane.name}`;
      if (!(await bot.store.firstSeen('reaction', sourceId))) return;
      const context: JobContext = {
        origin: 'discord',
        userId: member.id,
        channelId: message.channelId,
        language: incoming.locale,
        ...(message.guildId ? { guildId: message.guildId } : {}),
      };
      await bot.admit(context);
      await bot.submit({
        lane,
        sourceId,
        input: plan.input,
        target: { kind: 'message', channelId: message.channelId, messageId: message.id, userId: member.id },
        context,
        ...(plan.then ? { then: plan.then } : {}),
      });
      return;
    }
  } catch (error) {
    if (!isUserError(error)) forMember(error, bot.logger, { kind: 'reaction' });
  }
}
