/**
 * Where booking fields come from. The default is the deterministic parser; a language model may be plugged in to
 * help with freer text, but only fills fields the parser left empty, and like the parser it only ever produces a
 * draft for the member to confirm — it never books.
 */
import { z } from 'zod';
import { localDateSchema } from '../time/civil.ts';
import { type ParseContext, type ParsedRequest, parseRequest } from './parse.ts';

/** What a helper may contribute; anything else it returns is ignored (a model's output is untrusted input). */
const helperFieldsSchema = z.object({
  intent: z.enum(['book', 'change', 'cancel', 'list']).optional(),
  date: localDateSchema.optional(),
  minutes: z.number().int().min(0).max(1439).optional(),
  party: z.number().int().min(1).max(1000).optional(),
  resourceId: z.string().optional(),
});

/** Turns a message into booking fields. */
export interface FieldExtractor {
  extract(text: string, context: ParseContext): Promise<ParsedRequest>;
}

export const deterministicExtractor: FieldExtractor = {
  extract: async (text, context) => parseRequest(text, context),
};

/** The parser first; `helper` (e.g. a chat model asked for JSON) fills only what the parser did not find. */
export function withHelper(helper: FieldExtractor, primary: FieldExtractor = deterministicExtractor): FieldExtractor {
  return {
    async extract(text, context) {
      const own = await primary.extract(text, context);
      let extra: ParsedRequest = {};
      try {
        const parsed = helperFieldsSchema.safeParse(await helper.extract(text, context));
        if (parsed.success) extra = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
      } catch {
        // The helper is optional: the parser's reading stands on its own.
      }
      // Only resources of this server count, whatever the helper says.
      if (extra.resourceId && !context.resources.some((r) => r.id === extra.resourceId)) delete extra.resourceId;
      return { ...extra, ...own };
    },
  };
}
