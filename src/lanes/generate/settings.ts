/** The chat lane's config block (`generate:` in config/default.yaml). */
import { z } from 'zod';

const positiveInt = z.number().int().positive();

export const generateSettingsSchema = z
  .strictObject({
    /** `local` runs `lanes.generate.model` with transformers.js; `openai` calls an OpenAI-compatible server. */
    provider: z.enum(['local', 'openai']).default('local'),
    /** Longest chat answer in tokens (servers may choose less). */
    maxNewTokens: positiveInt.max(8192).default(256),
    /** 0 = greedy decoding. */
    temperature: z.number().min(0).max(2).default(0),
    topP: z.number().gt(0).max(1).default(1),
    systemPrompt: z
      .string()
      .default('You are kotodama, a helpful assistant in a Discord server. Answer briefly and in the language the user wrote in.'),
    /** Tokens the model may see (prompt + answer); older turns are dropped to fit. */
    contextTokens: positiveInt.max(1_000_000).default(4096),
    /** Further models a server may pick with `/settings set chatModel` (the default model is always allowed). */
    models: z.array(z.string().min(1)).default([]),
    /** Extra instructions servers start with (`/settings set persona`), added to `systemPrompt`. */
    persona: z.string().max(2000).default(''),
    openai: z
      .strictObject({
        /** Base URL of the API, up to and including `/v1` (llama.cpp, Ollama, vLLM, LM Studio, hosted APIs). */
        baseUrl: z.url({ protocol: /^https?$/u }).default('http://127.0.0.1:8080/v1'),
        model: z.string().min(1).default('default'),
        /** Name of the environment variable holding the API key (the key itself never enters config or logs). */
        apiKeyEnv: z
          .string()
          .regex(/^[A-Za-z_]\w*$/u, 'an environment variable name')
          .default('OPENAI_API_KEY'),
      })
      .prefault({}),
    memory: z
      .strictObject({
        /** DM and thread histories expire after this long without a new message. */
        ttlSec: positiveInt.default(604_800),
        /** Exchanges kept per history; the model's context usually cuts earlier. */
        maxTurns: positiveInt.max(500).default(50),
      })
      .prefault({}),
    grounding: z
      .strictObject({
        enabled: z.boolean().default(true),
        /** FAQ entries scoring at least this are given to the model (lower than `faq.threshold` on purpose). */
        threshold: z.number().min(0).max(1).default(0.06),
        maxEntries: positiveInt.max(10).default(3),
      })
      .prefault({}),
  })
  .prefault({});
