/**
 * 👎 on one of the bot's FAQ answers records the question as a miss of that entry, once per member and message,
 * so that `/faq misses` shows admins where the FAQ answered wrongly, not only where it could not answer.
 */
import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { laneJobId } from '../../../queue/job-id.ts';
import type { DiscordBot } from '../app.ts';

const THUMBS_DOWN = '👎';

/** True when the reaction was a 👎 (handled here, whatever came of it); false lets other handlers look at it. */
export async function onFaqFeedback(
  bot: DiscordBot,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
): Promise<boolean> {
  // Skin tones make different code points: 👎🏽 is a 👎 too.
  if (!reaction.emoji.name?.startsWith(THUMBS_DOWN)) return false;
  const message = reaction.message.partial ? await reaction.message.fetch() : reaction.message;
  const interactionId = message.interactionMetadata?.id;
  if (message.author?.id !== bot.botId || !message.guildId || !interactionId) return true;
  const answered = await bot.faq.misses.answered(laneJobId('faq', interactionId));
  if (!answered?.entryId || answered.guildId !== message.guildId) return true;
  if (!(await bot.store.firstSeen('faq-downvote', `${message.id}-${user.id}`))) return true;
  await bot.faq.misses.record(answered.guildId, { question: answered.question, kind: 'downvote', entryId: answered.entryId });
  bot.logger.info({ guildId: answered.guildId, entryId: answered.entryId }, 'FAQ answer marked 👎');
  return true;
}
