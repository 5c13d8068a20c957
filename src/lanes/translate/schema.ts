/** Translation lane job payload and result. Languages are ISO 639-1/3 codes (`ja`, `en`, `fr`). */
import { z } from 'zod';

const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/u, 'use a language code such as en or ja');

export const translateInputSchema = z.strictObject({
  text: z.string().trim().min(1, 'there is nothing to translate').max(100_000),
  to: language,
  /** Omitted: detected from the text's script. */
  from: language.optional(),
});

export const translateResultSchema = z.strictObject({
  text: z.string(),
  from: z.string(),
  to: z.string(),
  model: z.string(),
});

export type TranslateInput = z.infer<typeof translateInputSchema>;
export type TranslateResult = z.infer<typeof translateResultSchema>;
