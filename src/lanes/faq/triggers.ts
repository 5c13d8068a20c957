/**
 * Autoresponder-style triggers on entries (`triggers: ["=rules", "server ip"]`): checked before retrieval and, when
 * one matches, its entry is the answer whatever the scores say. An admin who writes a trigger means it.
 */
import type { FaqEntry } from './entry.ts';
import { normalize, words } from './retrieval/tokenize.ts';

// Scripts written without spaces: a trigger in them matches as a substring, since word segmentation of a short
// trigger and of a whole question need not agree.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}]/u;
// "=help" should match "help?" and "help!": closing punctuation is not part of what was asked.
const TRAILING_PUNCTUATION = /[\s?!.,;:？！。、…]+$/u;

interface Trigger {
  readonly entryId: string;
  readonly exact: boolean;
  readonly text: string;
}

export type TriggerMatcher = (question: string) => string | undefined;

export function buildTriggerMatcher(entries: readonly FaqEntry[]): TriggerMatcher {
  const triggers: Trigger[] = entries.flatMap((entry) =>
    (entry.triggers ?? []).map((raw) => {
      const exact = raw.startsWith('=');
      const body = normalize(exact ? raw.slice(1) : raw).replace(TRAILING_PUNCTUATION, '');
      return { entryId: entry.id, exact, text: exact || UNSPACED.test(body) ? body : words(body).join(' ') };
    }),
  );
  // The most specific trigger wins: exact ones first, then the longest.
  triggers.sort((a, b) => Number(b.exact) - Number(a.exact) || b.text.length - a.text.length);
  if (triggers.length === 0) return () => undefined;
  return (question) => {
    const plain = normalize(question).replace(TRAILING_PUNCTUATION, '');
    const spaced = ` ${words(plain).join(' ')} `;
    const compact = plain.replace(/\s+/gu, '');
    for (const trigger of triggers) {
      if (!trigger.text) continue;
      if (
        trigger.exact
          ? plain === trigger.text
          : UNSPACED.test(trigger.text)
            ? compact.includes(trigger.text.replace(/\s+/gu, ''))
            : spaced.includes(` ${trigger.text} `)
      ) {
        return trigger.entryId;
      }
    }
    return undefined;
  };
}
