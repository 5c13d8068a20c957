/** Speech-to-text lane job payload and result. */
import { z } from 'zod';

const languageCode = z.string().regex(/^[a-z]{2,3}$/u, 'use a language code such as en or ja');

/** Where the audio comes from: a Discord CDN URL (checked against the allowed hosts) or inline bytes. */
export const audioSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('url'), url: z.url(), name: z.string().optional(), size: z.number().int().nonnegative().optional() }),
  // An empty file is valid here on purpose: fetching it says "This file is empty.", which a member understands.
  z.strictObject({ kind: z.literal('inline'), base64: z.string(), name: z.string().optional() }),
]);

export const transcribeInputSchema = z.strictObject({
  audio: audioSourceSchema,
  /** A language code to force, or omitted to auto-detect. */
  language: languageCode.optional(),
  /** The user's usual language (the front end remembers it); used instead of detection on short clips. */
  languageHint: languageCode.optional(),
  task: z.enum(['transcribe', 'translate']).optional(),
});

/** A stretch of the transcript with its time in the audio (seconds from the start of the file). */
export const transcriptSegmentSchema = z.strictObject({
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  text: z.string(),
});

export const transcribeResultSchema = z.strictObject({
  text: z.string(),
  language: z.string().nullable(),
  durationSec: z.number().nonnegative(),
  /** How `language` was chosen: forced (option/config), a hint (short clip), or detected by Whisper. */
  languageSource: z.enum(['forced', 'hint', 'detected']).optional(),
  /**
   * Window-level timestamps: one segment per recognised window (up to 30 s, cut at pauses where
   * possible), trimmed to the speech inside it. Not per word: the default models' ONNX exports carry
   * no cross-attention outputs for word timing.
   */
  segments: z.array(transcriptSegmentSchema).optional(),
  /** Set when the job stopped early (cancel, timeout): `text` holds the windows done so far. */
  stopped: z.enum(['cancelled', 'timeout']).optional(),
});

export type AudioSource = z.infer<typeof audioSourceSchema>;
export type TranscribeInput = z.infer<typeof transcribeInputSchema>;
export type TranscribeResult = z.infer<typeof transcribeResultSchema>;
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;
