/** The speech-to-text lane's config block (`transcribe:` in config/default.yaml). */
import { z } from 'zod';

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/u, 'use a language code such as en or ja');
const snowflake = z.string().regex(/^\d{17,20}$/u, 'a Discord id (17-20 digits)');

/** What happens after a transcript (per server via `followUps.guilds`). */
const followUps = z.strictObject({
  /** A transcript that reads as a question is answered like a typed question (FAQ, then chat). */
  answerQuestions: z.boolean(),
  /** In DMs, every voice message is answered, question or not. */
  answerInDms: z.boolean(),
});

export const transcribeSettingsSchema = z
  .strictObject({
    /** `auto`, or a language code to force. */
    language: z.union([z.literal('auto'), languageCode]).default('auto'),
    /** `translate` turns speech in any language into English text. */
    task: z.enum(['transcribe', 'translate']).default('transcribe'),
    /** Longest window given to Whisper at once (its input is 30 s). */
    windowSec: z.number().min(5).max(30).default(30),
    /** Audio shared by two windows cut in the middle of speech (windows cut at pauses share none). */
    overlapSec: z.number().min(0).max(10).default(5),
    /** Below this much speech, the member's last language or Discord locale beats detection. */
    shortClipSec: z.number().min(0).default(4),
    /** A window whose <|nospeech|> probability is above this (and whose text is unlikely) is dropped. */
    noSpeechThreshold: z.number().min(0).max(1).default(0.6),
    /** Clips longer than this get the transcript as .txt and .srt attachments instead of inline. */
    attachAfterSec: z.number().positive().default(60),
    /** Servers transcribe every voice message and audio file before an admin changes it (`/settings set autoTranscribe`). */
    autoTranscribe: z.boolean().default(false),
    /** Steps that follow a transcript automatically; `guilds` overrides them per server id. */
    followUps: followUps
      .extend({ guilds: z.record(snowflake, followUps.partial()).default({}) })
      .prefault({ answerQuestions: true, answerInDms: false }),
  })
  .prefault({});
