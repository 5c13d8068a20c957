/**
 * Applies a glossary through the markup placeholders, so it works with any model: each occurrence of an entry's
 * form becomes a protected span whose text is the entry's form in the target language (or the term itself).
 */
import type { ExtraSpan } from '../markup/document.ts';
import { formsOf, type GlossaryEntry } from './entry.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The protected spans for translating into `to`; longer forms win over shorter ones they contain. */
export function glossarySpans(entries: readonly GlossaryEntry[], to: string): ExtraSpan[] {
  const byForm = new Map<string, GlossaryEntry>();
  for (const entry of entries)
    for (const form of formsOf(entry)) if (!byForm.has(form.toLowerCase())) byForm.set(form.toLowerCase(), entry);
  if (byForm.size === 0) return [];
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  // Latin forms match whole words only ("ai" is not in "said"); CJK forms match anywhere (no spaces to rely on).
  const pattern = new RegExp(
    forms
      .map((form) => (/^[\p{Script=Latin}\p{N}]/u.test(form) ? `(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])` : escape(form)))
      .join('|'),
    'iuy',
  );
  return [
    {
      pattern,
      replace: (match) => {
        const entry = byForm.get(match.toLowerCase());
        return entry ? (entry.translations[to] ?? entry.term) : match;
      },
    },
  ];
}
