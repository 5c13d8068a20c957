/** The translation lane's config block (`translate:` in config/default.yaml), with its defaults. */
import { z } from 'zod';

const pairKey = z.string().regex(/^[a-z]{2,3}(-tw)?-[a-z]{2,3}(-tw)?$/u, 'pairs look like ja-en');

/** How one language pair is translated. */
export const pairSettingSchema = z.strictObject({
  /** `seq2seq`: a translation model (NLLB, opus-mt); `llm`: an instruct model prompted to translate. */
  provider: z.enum(['seq2seq', 'llm']),
  /** Model id; default: `lanes.translate.model` (seq2seq) or the chat model (llm). */
  model: z.string().min(1).optional(),
});

const languageCode = z.string().regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/u, 'use a language code such as en or ja');

export const translateSettingsSchema = z
  .strictObject({
    /** Target language when none is given. */
    defaultTarget: languageCode.default('en'),
    /** Servers translate every message into this language before an admin changes it (`/settings set autoTranslate`). */
    autoTranslate: languageCode.nullable().default(null),
    /** Older form of `pairs`: `{"ja-en": "Xenova/opus-mt-ja-en"}` = a seq2seq model for that pair. */
    pairModels: z.record(pairKey, z.string().min(1)).default({}),
    /** Per pair: `{"ja-en": {provider: llm, model: "…"}}`; wins over `pairModels`. */
    pairs: z.record(pairKey, pairSettingSchema).default({}),
    /** Most model tokens in one chunk (whole sentences packed up to this). */
    chunkTokens: z.number().int().min(16).max(4096).default(200),
    /** Cap on generated tokens per chunk (seq2seq); a chunk that reaches it is split and translated again. */
    maxNewTokens: z.number().int().min(8).max(4096).default(512),
    /** The instruct model used by `provider: llm` pairs. */
    llm: z
      .strictObject({
        /** `local`: transformers.js with `lanes.generate`'s dtype/device; `openai`: the server of `generate.openai`. */
        provider: z.enum(['local', 'openai']).default('local'),
        maxInputTokens: z.number().int().positive().default(2048),
        maxNewTokens: z.number().int().positive().default(1024),
      })
      .prefault({}),
    /** Translation channels (`/autotranslate`). */
    channels: z
      .strictObject({
        /** Edits and deletions of an original follow its copies for this long. */
        followWindowSec: z.number().int().positive().default(86_400),
        /** Most target languages per channel. */
        maxTargets: z.number().int().min(1).max(10).default(3),
      })
      .prefault({}),
    /** Most glossary terms per server. */
    glossaryMaxTerms: z.number().int().min(1).max(5000).default(500),
  })
  .prefault({});

export type TranslateSettings = z.output<typeof translateSettingsSchema>;
export type PairSetting = z.infer<typeof pairSettingSchema>;

/** The settings from `config.translate`, with test overrides merged in. */
export function translateSettings(raw: unknown): TranslateSettings {
  return translateSettingsSchema.parse(raw ?? {});
}

/** What translates `from` → `to`: the pair's setting, else a `pairModels` model, else the lane model. */
export function pairSetting(settings: TranslateSettings, from: string, to: string, laneModel: string): Required<PairSetting> | PairSetting {
  const key = `${from}-${to}`;
  const pair = settings.pairs[key];
  if (pair) return pair;
  return { provider: 'seq2seq', model: settings.pairModels[key] ?? laneModel };
}
