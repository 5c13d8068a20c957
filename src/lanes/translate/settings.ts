/** The translation lane's config block (`translate:` in config/default.yaml), with its defaults. */
import { z } from 'zod';
import { DEVICES, DTYPES } from '../tunables.ts';

const pairKey = z.string().regex(/^[a-z]{2,3}(-tw)?-[a-z]{2,3}(-tw)?$/u, 'pairs look like ja-en');

/** How one language pair is translated. */
export const pairSettingSchema = z.strictObject({
  /** `seq2seq`: a translation model (NLLB, opus-mt); `llm`: an instruct model prompted to translate. */
  provider: z.enum(['seq2seq', 'llm']),
  /** Model id; default: `lanes.translate.model` (seq2seq) or `translate.llm.model` (llm). */
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
    /** The instruct model used by `provider: llm` pairs (the translation lane's own; it shares nothing with the chat lane). */
    llm: z
      .strictObject({
        /** `local`: transformers.js in the worker; `openai`: an OpenAI-compatible server (llama.cpp, Ollama, vLLM). */
        provider: z.enum(['local', 'openai']).default('local'),
        /** Model id (local: Hugging Face id or folder under `models.dir`; openai: the server's model name); a pair's `model` wins. */
        model: z.string().min(1).default('onnx-community/Qwen2.5-0.5B-Instruct'),
        /** ONNX weight variant of the local model. */
        dtype: z.enum(DTYPES).default('q8'),
        /** onnxruntime execution provider of the local model. */
        device: z.enum(DEVICES).default('cpu'),
        /** Base URL of the OpenAI-compatible API, up to and including `/v1`. */
        baseUrl: z.url({ protocol: /^https?$/u }).default('http://127.0.0.1:8080/v1'),
        /** Name of the environment variable holding the API key (the key itself never enters config or logs). */
        apiKeyEnv: z
          .string()
          .regex(/^[A-Za-z_]\w*$/u, 'an environment variable name')
          .default('OPENAI_API_KEY'),
        /** Most (estimated) tokens per chunk sent to the model. */
        maxInputTokens: z.number().int().positive().default(2048),
        /** Cap on the answer's tokens per request. */
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
