/** How the booking lane answers on Discord: never pinging anyone, privately unless the answer is for everyone. */
import { type MessageMentionOptions, MessageFlags } from 'discord.js';
import type { Translate } from '../locale.ts';
import { localeOf, translator } from '../locale.ts';
import { discordFormat, type TimeFormat } from '../present.ts';

/** No reply or message of the booking lane may ping anyone. */
export const NO_PINGS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

/** Answers only the member who asked sees. */
export const EPHEMERAL = MessageFlags.Ephemeral;

/** The member's language (from their Discord client) and how times are written for them. */
export function speakerOf(interaction: { locale: string }): { t: Translate; format: TimeFormat; locale: 'en' | 'ja' } {
  const locale = localeOf(interaction.locale);
  return { t: translator(locale), format: discordFormat(locale), locale };
}
