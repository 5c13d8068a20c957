/** FAQ lane job payload and result. */
import { z } from 'zod';

export const faqInputSchema = z.strictObject({
  /** The member's question, typed or transcribed. */
  question: z.string().trim().min(1, 'the question is empty').max(100_000),
  /**
   * How it came in: `command` (`/ask`: the best entry over the threshold), `question` (a mention or DM the FAQ
   * answers alone: the entry must also cover the question's words) or `before-chat` (the same, and chat answers
   * what the FAQ cannot, so that is not recorded as a miss).
   */
  via: z.enum(['command', 'question', 'before-chat']).optional(),
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
    /** The question, handed on to the next step (chat answers what the FAQ could not). */
    asked: z.string(),
  }),
  /** Small talk ("thanks", 「こんにちは」): not a question, never a miss; chat answers it where chat is on. */
  z.strictObject({ kind: z.literal('smalltalk'), smalltalk: z.enum(['thanks', 'greeting', 'goodbye', 'ack']), asked: z.string() }),
]);

export type FaqInput = z.infer<typeof faqInputSchema>;
export type FaqResult = z.infer<typeof faqResultSchema>;
