/**
 * The speak lane's settings (`speak` in config; the lead merges this schema into `src/config/schema.ts`).
 * Engines are named model setups; each spoken language picks an engine and a default voice, so one
 * language can use another engine (e.g. Kokoro for English) without touching the rest.
 */
import { z } from 'zod';
import { SUPERTONIC_LANGUAGES } from './engine/supertonic/text.ts';
import { voiceName } from './schema.ts';

const positiveInt = z.number().int().positive();
const engineName = z.string().regex(/^[\w-]{1,32}$/u, 'an engine name such as supertonic');
const languageCode = z.string().regex(/^[a-z]{2,3}$/u, 'use a language code such as en or ja');

const supertonicSchema = z.strictObject({
  kind: z.literal('supertonic'),
  /** Hugging Face model id (downloaded into `models.dir`) or a folder name under `models.dir`; default `lanes.speak.model`. */
  model: z.string().min(1).optional(),
  /** Voices this setup offers (files `voice_styles/<name>.json`, fetched on first use). */
  voices: z.array(voiceName).min(1),
  /** Languages it may speak (tags it was trained on). */
  languages: z.array(languageCode).min(1),
  /** Flow-matching steps per utterance: quality against speed. */
  steps: positiveInt.max(50),
  /** Speaking rate (the predicted duration is divided by it). */
  speed: z.number().min(0.5).max(2),
});

const DEFAULT_ENGINES = {
  supertonic: {
    kind: 'supertonic' as const,
    voices: ['F1', 'F2', 'F3', 'F4', 'F5', 'M1', 'M2', 'M3', 'M4', 'M5'],
    languages: [...SUPERTONIC_LANGUAGES],
    // The reference default is 8; 5 (its "low" end) keeps a 20 s answer under 0.3 s of compute per second
    // of speech on 2 cores (bench/speak-rtf.ts). Raise it where there are more cores.
    steps: 5,
    speed: 1.05,
  },
};

export const speakSettingsSchema = z
  .strictObject({
    engines: z.record(engineName, z.discriminatedUnion('kind', [supertonicSchema])).default(DEFAULT_ENGINES),
    /** Languages that are spoken, each with its engine and default voice; others are refused with a message. */
    languages: z
      .record(languageCode, z.strictObject({ engine: engineName, voice: voiceName }))
      .default({ ja: { engine: 'supertonic', voice: 'F1' }, en: { engine: 'supertonic', voice: 'F1' } }),
    /** Longest text read aloud, counted after Markdown, code and links are removed. */
    maxChars: positiveInt.max(20_000).default(2000),
    /** Silence between sentences. */
    pauseMs: z.number().int().min(0).max(3000).default(250),
    /** Longest utterance given to the model at once, per language (`default` for the rest); longer sentences are cut at clauses. */
    sentenceChars: z.record(z.string(), positiveInt.max(1000)).default({ default: 300, ja: 120, ko: 120 }),
    /** Opus bitrate of the voice message (Discord's clients record ~32 kbit/s). */
    bitrate: z.number().int().min(6000).max(128_000).default(32_000),
    /** Largest file sent (Discord's default upload limit); a longer reading is refused with a message. */
    maxUploadBytes: positiveInt.default(10 * 1024 * 1024),
    /** Servers answer voice messages with voice messages too before an admin changes it (`/settings set voiceReplies`). */
    voiceReplies: z.boolean().default(false),
  })
  .superRefine((settings, ctx) => {
    for (const [language, { engine, voice }] of Object.entries(settings.languages)) {
      const setup = settings.engines[engine];
      const path = ['languages', language];
      if (!setup)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `unknown engine "${engine}" (engines: ${Object.keys(settings.engines).join(', ')})`,
        });
      else if (!setup.languages.includes(language))
        ctx.addIssue({ code: 'custom', path, message: `engine "${engine}" does not speak ${language}` });
      else if (!setup.voices.includes(voice))
        ctx.addIssue({ code: 'custom', path, message: `engine "${engine}" has no voice ${voice} (${setup.voices.join(', ')})` });
    }
  })
  .prefault({});

export type SpeakSettings = z.infer<typeof speakSettingsSchema>;

/** The defaults (`config/default.yaml` `speak:`): Supertonic 3 for Japanese and English. */
export const DEFAULT_SPEAK_SETTINGS: SpeakSettings = Object.freeze(speakSettingsSchema.parse({}));
