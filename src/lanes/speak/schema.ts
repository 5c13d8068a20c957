/** Speak lane (text-to-speech) job payload and result. The result carries a ready-to-send Discord voice message. */
import { z } from 'zod';

const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/u, 'use a language code such as en or ja');

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const voiceName = z.string().regex(/^[\w-]{1,32}$/u, 'a voice name such as F1 or M2');

export const showSchema = z.enum(['caption', 'text', 'none']);

/** A file name or path ending in `.ogg`, without control characters. */
export const outFile = z
  .string()
  .max(512)
  .regex(/^\P{Cc}+\.ogg$/iu, 'a file name ending in .ogg');

export const speakInputSchema = z.strictObject({
  /** The text as written (Discord Markdown, possibly a chat answer with `<think>`): what is read aloud is derived from it. */
  text: z.string().trim().min(1, 'there is nothing to read aloud').max(100_000, 'the text is far too long to read aloud'),
  /** Omitted: detected from the text's script (kana/kanji -> ja, Latin -> en, ...). */
  language: languageCode.optional(),
  /** Omitted: the language's configured voice. */
  voice: voiceName.optional(),
  /** Display names of the users, roles and channels mentioned in the text, by id (the front end knows them). */
  names: z.record(z.string().regex(/^\d{17,20}$/u), z.string().max(100)).optional(),
  /** IANA time zone for Discord timestamps in the text (default UTC). */
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => validTimeZone(zone), 'use an IANA time zone such as Asia/Tokyo')
    .optional(),
  /**
   * How Discord shows the result besides the voice message: `caption` (a short note, the default), `text` (the text
   * itself: the answer a quiet step handed on), `none` (the voice message alone: the text answer is already posted).
   */
  show: showSchema.optional(),
  /** Local chat: the file the speech is written to (relative to the working directory). */
  out: outFile.optional(),
});

export const speakResultSchema = z.strictObject({
  /** The voice message file: mono 48 kHz OGG/Opus. */
  audio: z.strictObject({
    base64: z.string(),
    bytes: z.number().int().nonnegative(),
    contentType: z.literal('audio/ogg'),
    filename: z.string(),
  }),
  /** Discord's `duration_secs`. */
  durationSecs: z.number().nonnegative(),
  /** Discord's `waveform`: base64, one byte per point, at most 256 points, at most one per 100 ms. */
  waveform: z.string(),
  /** Samples at 48 kHz. */
  samples: z.number().int().nonnegative(),
  /** What was read aloud (the fallback posts it with an ordinary audio attachment). */
  text: z.string(),
  language: z.string(),
  voice: z.string(),
  model: z.string(),
  sentences: z.number().int().positive(),
  sentencesDone: z.number().int().nonnegative(),
  show: showSchema.optional(),
  /** The text as written, when `show` is `text`. */
  display: z.string().optional(),
  out: outFile.optional(),
  /** Set when the job stopped early (cancel, timeout): the audio holds the sentences done so far. */
  stopped: z.enum(['cancelled', 'timeout']).optional(),
});

export type SpeakInput = z.infer<typeof speakInputSchema>;
export type SpeakResult = z.infer<typeof speakResultSchema>;
