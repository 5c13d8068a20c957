/** What the terminal chat shows while a request runs, in English and Japanese. */
import type { LocalText } from '../../i18n/text.ts';

export const localMessages = {
  waiting: { en: 'waiting…', ja: '待機中…' },
} as const satisfies Record<string, LocalText>;
