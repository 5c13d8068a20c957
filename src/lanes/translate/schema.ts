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
  /** Omitted: detected (writing system, then a vote of three detectors; the member's locale below the floor). */
  from: language.optional(),
});

export const translateResultSchema = z.strictObject({
  text: z.string(),
  from: z.string(),
  to: z.string(),
  /** The model that translated, or `none` when the text had nothing to translate. */
  model: z.string(),
  provider: z.enum(['seq2seq', 'llm', 'none']).optional(),
  /** Why no model ran (`emoji`, `url`, `code`, `mentions`, `symbols`): the text came back as it was. */
  skipped: z.string().optional(),
  /** Model calls for this message (1 when every chunk fit in one batch and came back whole). */
  calls: z.number().int().min(0).optional(),
  /** Chunks translated fragment by fragment because a placeholder was lost. */
  fallbacks: z.number().int().min(0).optional(),
});

export type TranslateInput = z.infer<typeof translateInputSchema>;
export type TranslateResult = z.infer<typeof translateResultSchema>;
