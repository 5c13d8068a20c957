/**
 * 👎 on one of the bot's FAQ answers (the button, or the reaction) records the question as a miss of that entry,
 * once per member and message, so that `/faq misses` shows admins where the FAQ answered wrongly, not only where
 * it could not answer. The answer is traced to its FAQ job: the slash command's interaction, or the message it
 * replied to (mentions, DMs, replies).
 */
import type { Message } from 'discord.js';
import type { BotServices } from '../../../bot/discord/services.ts';
import { laneJobId } from '../../../queue/job-id.ts';
import { faqAdmin } from './services.ts';

const THUMBS_DOWN = '👎';

/** Records a 👎 for the FAQ job's answer; true when it was recorded (the first time for this member). */
export async function recordDownvote(services: BotServices, jobId: string, messageId: string, userId: string): Promise<boolean> {
  const faq = faqAdmin(services);
  const answered = await faq.misses.answered(jobId);
  if (!answered?.entryId) return false;
  if (!(await services.store.firstSeen('faq-downvote', `${messageId}-${userId}`))) return false;
  await faq.misses.record(answered.guildId, { question: answered.question, kind: 'downvote', entryId: answered.entryId });
  services.logger.info({ guildId: answered.guildId, entryId: answered.entryId }, 'FAQ answer marked 👎');
  return true;
}

/** The FAQ job behind one of the bot's messages, if it was an FAQ answer. */
export function faqJobOf(message: Message): string | undefined {
  const source = message.interactionMetadata?.id ?? message.reference?.messageId;
  return source ? laneJobId('faq', source) : undefined;
}

/** True when the reaction was a 👎 on a bot message (handled here, whatever came of it). */
export async function onThumbsDown(services: BotServices, message: Message, emoji: string, userId: string): Promise<boolean> {
  // Skin tones make different code points: 👎🏽 is a 👎 too.
  if (!emoji.startsWith(THUMBS_DOWN) || message.author.id !== services.botId()) return false;
  const jobId = faqJobOf(message);
  if (jobId && message.guildId) await recordDownvote(services, jobId, message.id, userId);
  return true;
}
