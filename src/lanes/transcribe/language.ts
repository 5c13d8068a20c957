/**
 * Which language a clip is decoded in. Forced (command option or config) wins; otherwise Whisper
 * detects it from the first window with speech. On short clips detection is unreliable (a second of
 * audio says little about the language), so a hint is used when there is one: the language this
 * user last spoke (remembered by the front end and sent as `languageHint`), else their Discord locale.
 */
import type { TranscribeInput } from './schema.ts';

export type LanguageSource = 'forced' | 'hint' | 'detected';

export interface LanguagePlan {
  /** The language to force on every window; undefined = detect on the first speech window. */
  readonly language: string | undefined;
  readonly source: LanguageSource;
}

export interface LanguageSettings {
  /** `auto` or a language code (config `transcribe.language`). */
  readonly configured: string;
  /** Below this much speech (seconds) a hint beats detection. */
  readonly shortClipSec: number;
}

/** Discord locales are `ja`, `en-US`, `zh-CN`, `pt-BR`, `es-419`…; Whisper wants the language part. */
export function localeLanguage(locale: string | undefined): string | undefined {
  const base = locale?.split('-')[0]?.toLowerCase();
  return base && /^[a-z]{2,3}$/u.test(base) ? base : undefined;
}

export function planLanguage(
  input: Pick<TranscribeInput, 'language' | 'languageHint'>,
  settings: LanguageSettings,
  speechSec: number,
  locale: string | undefined,
  known: (code: string) => boolean,
): LanguagePlan {
  if (input.language) return { language: input.language, source: 'forced' };
  if (settings.configured !== 'auto') return { language: settings.configured, source: 'forced' };
  if (speechSec < settings.shortClipSec) {
    const hint = [input.languageHint, localeLanguage(locale)].find((code) => code !== undefined && known(code));
    if (hint) return { language: hint, source: 'hint' };
  }
  return { language: undefined, source: 'detected' };
}
