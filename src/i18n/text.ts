/**
 * The bot speaks English and Japanese. Every user-visible text is a `LocalText` (both languages side by side,
 * so the type system keeps the two complete) written in a `messages.ts` catalogue file; the edge that posts it
 * picks the language: the member's Discord locale for interactions, the server's language for channel messages.
 */
import { z } from 'zod';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** One user-visible text in every locale the bot speaks. */
export type LocalText = Readonly<Record<Locale, string>>;

export const localTextSchema = z.strictObject({ en: z.string(), ja: z.string() });
export const localeSchema = z.enum(LOCALES);

/** The text in `locale`. */
export function pick(text: LocalText, locale: Locale): string {
  return text[locale];
}

/** Discord locales (`ja`, `en-US`, `en-GB`, `fr`, …) to the bot's language: Japanese for `ja`, English otherwise. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Joins texts line by line in each language. */
export function joinText(texts: readonly LocalText[], separator = '\n'): LocalText {
  return { en: texts.map((t) => t.en).join(separator), ja: texts.map((t) => t.ja).join(separator) };
}

/** The same string in every language (names, code, numbers). */
export function verbatim(value: string): LocalText {
  return { en: value, ja: value };
}
