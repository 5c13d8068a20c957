/**
 * The configuration contract. `config/default.yaml` holds every default; this schema only says what
 * is valid, so there is one place for values and one for rules.
 */
import { z } from 'zod';
import { LANE_NAMES } from '../lanes/names.ts';

const positiveInt = z.number().int().positive();

/** One lane's tunables: which model serves it and how its queue behaves. */
export const laneConfigSchema = z.strictObject({
  /** Whether workers serve this lane and the bot routes to it. */
  enabled: z.boolean(),
  /** Hugging Face model id (downloaded into `models.dir`) or a folder name under `models.dir`. */
  model: z.string().min(1),
  /** ONNX weight variant: q8 is the fast CPU default; fp32 is exact; q4/fp16 where the model ships them. */
  dtype: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']),
  /** onnxruntime execution provider: `cpu`, or `cuda` with the GPU build of onnxruntime-node. */
  device: z.enum(['cpu', 'cuda', 'auto']),
  /** Jobs one worker process runs at once for this lane. */
  concurrency: positiveInt.max(64),
  /** Tries per job (first run included) before the user is told it failed. */
  attempts: positiveInt.max(10),
  /** Longest one job may run; also sizes the BullMQ lock so long inference is not taken for a stall. */
  timeoutSec: positiveInt.max(3600),
  /** BullMQ priority: 1 is served first. */
  priority: positiveInt.max(1000),
});

export type LaneConfig = z.infer<typeof laneConfigSchema>;

const snowflake = z.string().regex(/^\d{17,20}$/u, 'a Discord id (17-20 digits)');

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/u, 'use a language code such as en or ja');

/** What happens after a transcript (per server via `transcribe.followUps.guilds`). */
const transcribeFollowUps = z.strictObject({
  /** A transcript that reads as a question is answered from the FAQ (where the faq lane is on). */
  questionsToFaq: z.boolean(),
  /** In DMs, the transcript is answered by chat as if it had been typed. */
  dmChat: z.boolean(),
});

export const configSchema = z.strictObject({
  redis: z.strictObject({
    url: z.string().regex(/^rediss?:\/\//u, 'must start with redis:// or rediss://'),
    prefix: z.string().regex(/^[\w-]+$/u, 'letters, digits, "-" and "_" only'),
  }),
  models: z.strictObject({
    dir: z.string().min(1),
    allowRemote: z.boolean(),
    threads: z.number().int().min(0).max(64),
    /** Where models are downloaded from: the Hugging Face Hub or a mirror of it. */
    remoteHost: z.url({ protocol: /^https?$/u }),
  }),
  queue: z.strictObject({
    keepCompleted: positiveInt,
    keepCompletedAgeSec: positiveInt,
    keepFailed: positiveInt,
    backoffMs: positiveInt,
  }),
  limits: z.strictObject({
    maxTextChars: positiveInt.max(100_000),
    audio: z.strictObject({ maxBytes: positiveInt, maxDurationSec: positiveInt }),
  }),
  lanes: z.strictObject(
    Object.fromEntries(LANE_NAMES.map((lane) => [lane, laneConfigSchema])) as Record<(typeof LANE_NAMES)[number], typeof laneConfigSchema>,
  ),
  faq: z.strictObject({
    file: z.string().min(1),
    threshold: z.number().min(0).max(1),
    margin: z.number().min(0).max(1),
    denseWeight: z.number().min(0).max(1),
    denseFloor: z.number().min(-1).lt(1),
    /** How long an FAQ query waits for others to share its embedding forward pass (micro-batching). */
    batchWaitMs: z.number().int().min(0).max(1000),
    /** Largest embedding forward pass (texts); longer lists are split. */
    batchMax: positiveInt.max(512),
    /** Days unanswered and 👎 questions are kept for `/faq misses`. */
    missRetentionDays: positiveInt.max(365),
  }),
  translate: z.strictObject({
    defaultTarget: languageCode,
    pairModels: z.record(z.string().regex(/^[a-z]{2,3}-[a-z]{2,3}$/u, 'pairs look like ja-en'), z.string().min(1)),
  }),
  generate: z.strictObject({
    /** `local` runs `lanes.generate.model` with transformers.js; `openai` calls an OpenAI-compatible server. */
    provider: z.enum(['local', 'openai']),
    maxNewTokens: positiveInt.max(8192),
    temperature: z.number().min(0).max(2),
    topP: z.number().gt(0).max(1),
    systemPrompt: z.string(),
    /** Tokens the model may see (prompt + answer); older turns are dropped to fit. */
    contextTokens: positiveInt.max(1_000_000),
    /** Further models a server may pick with `/settings set chatModel` (the default model is always allowed). */
    models: z.array(z.string().min(1)),
    openai: z.strictObject({
      /** Base URL of the API, up to and including `/v1` (llama.cpp, Ollama, vLLM, LM Studio, hosted APIs). */
      baseUrl: z.url({ protocol: /^https?$/u }),
      model: z.string().min(1),
      /** Name of the environment variable holding the API key (the key itself never enters config or logs). */
      apiKeyEnv: z.string().regex(/^[A-Za-z_]\w*$/u, 'an environment variable name'),
    }),
    memory: z.strictObject({
      /** DM and thread histories expire after this long without a new message. */
      ttlSec: positiveInt,
      /** Exchanges kept per history; the model's context usually cuts earlier. */
      maxTurns: positiveInt.max(500),
    }),
    grounding: z.strictObject({
      enabled: z.boolean(),
      /** FAQ entries scoring at least this are given to the model (lower than `faq.threshold` on purpose). */
      threshold: z.number().min(0).max(1),
      maxEntries: positiveInt.max(10),
    }),
  }),
  transcribe: z.strictObject({
    language: z.union([z.literal('auto'), languageCode]),
    task: z.enum(['transcribe', 'translate']),
    /** Longest window given to Whisper at once (its input is 30 s). */
    windowSec: z.number().min(5).max(30),
    /** Audio shared by two windows cut in the middle of speech (windows cut at pauses share none). */
    overlapSec: z.number().min(0).max(10),
    /** Below this much speech, the user's last language or Discord locale beats detection. */
    shortClipSec: z.number().min(0),
    /** A window whose <|nospeech|> probability is above this (and whose text is unlikely) is dropped. */
    noSpeechThreshold: z.number().min(0).max(1),
    /** Clips longer than this get the transcript as .txt and .srt attachments instead of inline. */
    attachAfterSec: z.number().positive(),
    /** Steps that follow a transcript automatically; `guilds` overrides them per server id. */
    followUps: transcribeFollowUps.extend({ guilds: z.record(snowflake, transcribeFollowUps.partial()) }),
  }),
  attachments: z.strictObject({
    hosts: z.array(z.string().regex(/^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/u, 'use host or host:port')).min(1),
  }),
  log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) }),
  discord: z.strictObject({
    /** Secret: only from the DISCORD_TOKEN environment variable. */
    token: z.string().optional(),
    apiUrl: z.url({ protocol: /^https?$/u }),
    rateLimit: z.strictObject({ userPerMinute: positiveInt, guildPerMinute: positiveInt }),
    access: z.strictObject({
      allowChannels: z.array(snowflake),
      denyChannels: z.array(snowflake),
      allowRoles: z.array(snowflake),
      denyRoles: z.array(snowflake),
    }),
    defaults: z.strictObject({
      lanes: z.array(z.enum(LANE_NAMES)),
      autoTranscribe: z.boolean(),
      autoTranslate: languageCode.nullable(),
      persona: z.string().max(2000),
    }),
  }),
});

export type Config = z.infer<typeof configSchema>;
