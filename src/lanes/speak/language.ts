/** Which configured language reads a text: the one asked for, else the one its script suggests. */
import { UserError } from '../../core/errors.ts';
import { detectLanguage } from '../translate/detect.ts';
import type { SpeakSettings } from './config.ts';

const names = new Intl.DisplayNames(['en'], { type: 'language' });
export const languageName = (code: string): string => names.of(code) ?? code;

/** The language `text` is read in; refuses, listing the spoken languages, when none is configured for it. */
export function speakingLanguage(settings: SpeakSettings, text: string, requested: string | undefined): string {
  const configured = Object.keys(settings.languages);
  let language = requested ?? detectLanguage(text);
  // Kanji without kana reads as Chinese to the detector; for this bot it is far more likely Japanese.
  if (!requested && language === 'zh' && !configured.includes('zh') && configured.includes('ja')) language = 'ja';
  if (configured.includes(language)) return language;
  const spoken = configured.map(languageName).join(', ');
  throw new UserError('unsupported_language', `I can't read ${languageName(language)} aloud. Languages I speak: ${spoken}.`);
}
