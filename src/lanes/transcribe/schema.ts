/** Speech-to-text lane job payload and result. */
import { z } from 'zod';

/** Where the audio comes from: a Discord CDN URL (checked against the allowed hosts) or inline bytes. */
export const audioSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('url'), url: z.url(), name: z.string().optional(), size: z.number().int().nonnegative().optional() }),
  z.strictObject({ kind: z.literal('inline'), base64: z.string().min(1), name: z.string().optional() }),
]);

export const transcribeInputSchema = z.strictObject({
  audio: audioSourceSchema,
  /** A language code to force, or omitted to auto-detect. */
  language: z.string().regex(/^[a-z]{2,3}$/u, 'use a language code such as en or ja').optional(),
  task: z.enum(['transcribe', 'translate']).optional(),
});

export const transcribeResultSchema = z.strictObject({
  text: z.string(),
  language: z.string().nullable(),
  durationSec: z.number().nonnegative(),
});

export type AudioSource = z.infer<typeof audioSourceSchema>;
export type TranscribeInput = z.infer<typeof transcribeInputSchema>;
export type TranscribeResult = z.infer<typeof transcribeResultSchema>;
