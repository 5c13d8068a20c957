/** FAQ lane job payload and result. */
import { z } from 'zod';

export const faqInputSchema = z.strictObject({
  /** The member's question, typed or transcribed. */
  question: z.string().trim().min(1, 'the question is empty'),
});

const suggestionSchema = z.strictObject({ id: z.string(), question: z.string(), score: z.number() });

export const faqResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('answer'),
    entryId: z.string(),
    question: z.string(),
    answer: z.string(),
    score: z.number(),
    /** What produced it: an entry's `trigger`, `hybrid` when the embedding model was available, else `lexical`. */
    retrieval: z.enum(['lexical', 'hybrid', 'trigger']),
  }),
  z.strictObject({
    kind: z.literal('unknown'),
    suggestions: z.array(suggestionSchema).max(3),
    retrieval: z.enum(['lexical', 'hybrid']),
  }),
]);

export type FaqInput = z.infer<typeof faqInputSchema>;
export type FaqResult = z.infer<typeof faqResultSchema>;
