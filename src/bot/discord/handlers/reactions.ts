/** Flag reactions: 🇯🇵 on a message replies with it translated into that country's main language. */
import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { describeError } from '../../../core/errors.ts';
import type { JobContext } from '../../../queue/envelope.ts';
import { channelChain, isAllowed } from '../access.ts';
import type { DiscordBot } from '../app.ts';
import { flagLanguage } from '../flags.ts';
import { onFaqFeedback } from './faq-feedback.ts';

export async function onReaction(
  bot: DiscordBot,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
): Promise<void> {
  if (user.bot) return;
  if (await onFaqFeedback(bot, reaction, user)) return;
  const to = flagLanguage(reaction.emoji.name ?? '');
  if (!to) return;
  const message = reaction.message.partial ? await reaction.message.fetch() : reaction.message;
  if (!message.content?.trim() || message.author?.id === bot.botId) return;
  const chain = message.inGuild() ? channelChain(message.channel) : [];
  if (message.inGuild()) {
    const member = await message.guild.members.fetch(user.id).catch(() => null);
    if (!isAllowed(bot.config.discord.access, chain, member)) return;
  }
  const settings = await bot.settings.resolve(message.guildId ? { guildId: message.guildId, channelIds: chain } : null);
  if (!settings.lanes.includes('translate')) return;
  // One translation per message and language, however many people add the same flag (or its twin 🇺🇸/🇬🇧).
  if (!(await bot.store.firstSeen('reaction', `${message.id}-${to}`))) return;
  const context: JobContext = {
    origin: 'discord',
    userId: user.id,
    channelId: message.channelId,
    ...(message.guildId ? { guildId: message.guildId } : {}),
  };
  try {
    await bot.admit(context);
    const placeholderId = await bot.deliverer.placeholder(message.channelId, message.id, '⏳ translating…');
    await bot.submit({
      lane: 'translate',
      sourceId: `${message.id}-to-${to}`,
      input: { text: message.content, to },
      target: { kind: 'message', channelId: message.channelId, messageId: message.id, userId: user.id, placeholderId },
      context,
    });
  } catch (error) {
    const described = describeError(error);
    if (described.reference) bot.logger.error({ err: error, reference: described.reference }, 'reaction request failed');
    await bot.deliverer.replyTo(message.channelId, message.id, `⚠️ ${described.userMessage}`);
  }
}
