/**
 * Small Discord helpers shared by the bot and the lanes' Discord code: mention rules, private replies, and command
 * descriptions and names in English and Japanese (Discord's `*_localizations`, shown to members by their client
 * language).
 */
import { MessageFlags, type MessageMentionOptions } from 'discord.js';
import type { LocalText } from '../../i18n/text.ts';

/** Nothing the bot posts may ping anyone (discord.js form). */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

/** The same rule in the raw API form, for REST bodies. */
export const NO_MENTIONS_API = Object.freeze({ parse: [] as const, replied_user: false });

/** Options of a reply only the member sees. */
export const EPHEMERAL = Object.freeze({ flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });

interface Describable<T> {
  setDescription(description: string): T;
  setDescriptionLocalizations(localizations: Partial<Record<'ja', string>>): T;
}

interface Nameable<T> {
  setName(name: string): T;
  setNameLocalizations(localizations: Partial<Record<'ja', string>>): T;
}

/** Sets a builder's description in English (the default) and Japanese. */
export function described<T extends Describable<T>>(builder: T, text: LocalText): T {
  return builder.setDescription(text.en).setDescriptionLocalizations({ ja: text.ja });
}

/** Sets a builder's name in English (what the bot matches on) and the name Japanese members see. */
export function named<T extends Nameable<T>>(builder: T, text: LocalText): T {
  return builder.setName(text.en).setNameLocalizations({ ja: text.ja });
}
