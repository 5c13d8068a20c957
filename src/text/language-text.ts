/** Language names as the bot writes them, in English and Japanese (`ja` → Japanese / 日本語). */
import type { LocalText } from '../i18n/text.ts';
import { LANGUAGES } from './languages.ts';

export function languageText(code: string): LocalText {
  const language = LANGUAGES.get(code);
  return { en: language?.name ?? code, ja: language?.ja ?? code };
}
