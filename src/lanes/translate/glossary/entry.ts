/**
 * A glossary term: a word that must never be translated (a product, channel or member name), or that must always
 * be translated one way (`term: kotodama, ja: 言霊`). Every form of an entry (the term and its per-language forms)
 * is recognised in the source text and written in the target language's form, else as the term itself.
 */
import { z } from 'zod';

const form = z.string().trim().min(1).max(100);

export const glossaryEntrySchema = z.strictObject({
  term: form,
  /** Fixed translations by ISO code (`ja`, `en`, ...). None: the term is never translated. */
  translations: z.record(z.string().regex(/^[a-z]{2,3}(-tw)?$/u, 'use a language code such as ja or en'), form).default({}),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** The key an entry is stored under: its term, case- and width-folded. */
export function termKey(term: string): string {
  return term.normalize('NFKC').trim().toLowerCase();
}

/** Every written form of the entry: the term, then its translations. */
export function formsOf(entry: GlossaryEntry): string[] {
  return [entry.term, ...Object.values(entry.translations)];
}
