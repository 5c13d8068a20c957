/** The FAQ knowledge base entry, as written in `config/faq.yaml`, imported from files or stored per guild. */
import { z } from 'zod';

/** Discord's message limit bounds an answer: it must fit in one reply. */
export const FAQ_ANSWER_MAX_CHARS = 1900;

export const faqEntrySchema = z.object({
  /** Stable identifier: letters, digits, `-`, `_`, `.`. */
  id: z.string().trim().min(1).max(100).regex(/^[\w.-]+$/u, 'use letters, digits, "-", "_" or "."'),
  /** One or more ways people ask this question (paraphrases, any language). */
  questions: z.array(z.string().trim().min(1).max(500)).min(1),
  /** Discord markdown; may contain links. */
  answer: z.string().trim().min(1, 'the answer is empty').max(FAQ_ANSWER_MAX_CHARS),
  tags: z.array(z.string()).optional(),
  /** BCP 47 language of the entry (e.g. `en`, `ja`); informational. */
  lang: z.string().optional(),
});

export type FaqEntry = z.infer<typeof faqEntrySchema>;
