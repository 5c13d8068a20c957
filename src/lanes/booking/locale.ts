/** Picking a member's language and filling a booking message's placeholders. */
import type { Locale } from './model.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

export type MessageParams = Readonly<Record<string, string | number>>;
/** A message in one language, with its placeholders filled. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `ja…` Discord locales read Japanese; everything else English. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.startsWith('ja') ? 'ja' : 'en';
}

export function translator(locale: Locale): Translate {
  return (key, params = {}) => MESSAGES[key][locale].replace(/\{(\w+)\}/gu, (whole, name: string) => String(params[name] ?? whole));
}
