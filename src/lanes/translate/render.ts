/** A translation as the member reads it: the text, then a small line naming the languages. */
import { pick, type Locale } from '../../i18n/text.ts';
import { languageText } from '../../text/language-text.ts';
import { translateMessages as m } from './messages.ts';
import type { TranslateResult } from './schema.ts';

export function renderTranslation(result: TranslateResult, locale: Locale): string {
  return `${result.text}\n${pick(m.footer(languageText(result.from), languageText(result.to)), locale)}`;
}
