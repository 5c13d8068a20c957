/** Command and option descriptions from the catalogue: English by default, Japanese for Japanese clients. */
import { Locale } from 'discord.js';
import { MESSAGES, type MessageKey } from '../messages.ts';
import { LABEL_CHARS } from './limits.ts';

interface Describable<T> {
  setDescription(description: string): T;
  setDescriptionLocalizations(localizations: Partial<Record<Locale, string | null>>): T;
}

/** Sets a builder's description (Discord allows 100 characters) in both languages. */
export function describe<T>(builder: Describable<T>, key: MessageKey): T {
  const { en, ja } = MESSAGES[key];
  builder.setDescription(en.slice(0, 100));
  return builder.setDescriptionLocalizations({ [Locale.Japanese]: ja.slice(0, 100) });
}

/** A choice's display name in both languages. */
export function choice<V extends string>(
  key: MessageKey,
  value: V,
): { name: string; name_localizations: Partial<Record<Locale, string>>; value: V } {
  const { en, ja } = MESSAGES[key];
  return { name: en.slice(0, LABEL_CHARS), name_localizations: { [Locale.Japanese]: ja.slice(0, LABEL_CHARS) }, value };
}
