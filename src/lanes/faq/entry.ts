/** The FAQ knowledge base entry, as written in `config/faq.yaml`, imported from files or stored per guild. */
import { z } from 'zod';

/** Discord's message limit (2,000) bounds an answer: it must fit in one reply with the "FAQ:" source line. */
export const FAQ_ANSWER_MAX_CHARS = 1900;

export const faqEntrySchema = z.strictObject({
  /** Stable identifier: letters, digits, `-`, `_`, `.`. */
  id: z
    .string()
    .trim()
    .min(1, 'the id is empty')
    .max(100)
    .regex(/^[\w.-]+$/u, 'use letters, digits, "-", "_" or "." in ids'),
  /** One or more ways people ask this question (paraphrases, any language). */
  questions: z
    .array(z.string().trim().min(1, 'a question is empty').max(500, 'a question is longer than 500 characters'))
    .min(1, 'give at least one question')
    .max(100),
  /** Discord markdown; may contain links. */
  answer: z
    .string()
    .trim()
    .min(1, 'the answer is empty')
    .max(FAQ_ANSWER_MAX_CHARS, `the answer is too long for Discord (at most ${FAQ_ANSWER_MAX_CHARS} characters)`),
  tags: z.array(z.string()).optional(),
  /** BCP 47 language of the entry (e.g. `en`, `ja`); informational. */
  lang: z.string().optional(),
  /**
   * Autoresponder triggers that win over retrieval: `"=text"` matches a question that is exactly `text`, any other
   * string matches a question containing it as whole words (case, width and accents ignored).
   */
  triggers: z.array(z.string().trim().min(1, 'a trigger is empty').max(100)).max(20).optional(),
});

export type FaqEntry = z.infer<typeof faqEntrySchema>;
