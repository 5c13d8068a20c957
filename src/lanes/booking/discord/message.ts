/**
 * Booking in plain words on Discord ("明日19時に3人で", "book a table for 3 tomorrow at 7"): the lead's message
 * router calls this for DMs, booking channels and mentions. The answer is a reply to the member's message (public
 * in a channel, so it carries no personal details beyond what the member wrote, and pings nobody).
 */
import type { Message } from 'discord.js';
import { answerText } from '../actions/text.ts';
import { looksLikeBooking } from '../nl/detect.ts';
import type { BookingServices } from '../services.ts';
import { NO_PINGS, speakerOf } from './reply.ts';
import { textAnswerView } from './text-view.ts';

/**
 * Answers `message` when it is about bookings (or continues a booking conversation) and returns true; returns
 * false, touching nothing, for other messages. `guildId` is the server to book in (for DMs: the one the member
 * chose, e.g. the only server the bot shares with them). `claim` is called once the message is known to be about
 * bookings; false means it was answered already (a redelivery), and nothing more is done.
 */
export async function answerBookingMessage(
  message: Message,
  services: BookingServices,
  guildId: string | null,
  text = message.content,
  claim?: () => Promise<boolean>,
): Promise<boolean> {
  if (!guildId) return false;
  const scope = message.inGuild() ? message.channelId : 'dm';
  const ongoing = await services.conversations.get(scope, message.author.id);
  if (!ongoing && !(await looksLikeBooking(services, guildId, text))) return false;
  // Ours: `claim` (when given) makes sure a redelivered message is answered once.
  if (claim && !(await claim())) return true;
  // A message has no client locale: Japanese text is answered in Japanese; a bare "2" in the conversation's
  // language; anything else in the server's preferred locale.
  const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/u.test(text);
  const { t, format, locale } = speakerOf({ locale: japanese ? 'ja' : (ongoing?.locale ?? message.guild?.preferredLocale ?? 'en-US') });
  const displayName = message.member?.displayName ?? message.author.displayName;
  const answer = await answerText(
    services,
    { guildId, userId: message.author.id, scope, locale, displayName, channelId: message.channelId },
    text,
  );
  if (answer.kind === 'not_understood' && !ongoing) return false;
  const view = textAnswerView(t, format, answer);
  await message.reply({ content: view.content ?? '', embeds: view.embeds, components: view.components, allowedMentions: NO_PINGS });
  return true;
}
