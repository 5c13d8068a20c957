/** Which configured language reads a text: the one asked for, else the one its script suggests. */
import { UserError } from '../../core/errors.ts';
import { languageText } from '../../text/language-text.ts';
import { isHanOnly, lettersOf, scriptLanguage } from '../../text/scripts.ts';
import type { SpeakSettings } from './config.ts';
import { speakMessages as m } from './messages.ts';

const names = new Intl.DisplayNames(['en'], { type: 'language' });
export const languageName = (code: string): string => names.of(code) ?? code;

/** The language the writing system says (kana → ja, hangul → ko…); Latin script reads as English. */
function byScript(text: string): string {
  // Kanji without kana: far more likely Japanese than Chinese for this bot's audience.
  return scriptLanguage(text) ?? (isHanOnly(lettersOf(text)) ? 'ja' : 'en');
}

/** The language `text` is read in; refuses, listing the spoken languages, when none is configured for it. */
export function speakingLanguage(settings: SpeakSettings, text: string, requested: string | undefined): string {
  const configured = Object.keys(settings.languages);
  let language = requested ?? byScript(text);
  // Kanji without kana reads as Chinese to the detector; for this bot it is far more likely Japanese.
  if (!requested && language === 'zh' && !configured.includes('zh') && configured.includes('ja')) language = 'ja';
  if (configured.includes(language)) return language;
  const spoken = configured.map(languageName).join(', ');
  throw new UserError('unsupported_language', m.cannotSpeak(languageText(language), spoken));
}
