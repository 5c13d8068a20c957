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
    Object.fromEntries(LANE_NAMES.map((lane) => [lane, laneConfigSchema])) as Record<
      (typeof LANE_NAMES)[number],
      typeof laneConfigSchema
    >,
  ),
  faq: z.strictObject({
    file: z.string().min(1),
    threshold: z.number().min(0).max(1),
    margin: z.number().min(0).max(1),
    denseWeight: z.number().min(0).max(1),
    denseFloor: z.number().min(-1).lt(1),
  }),
  translate: z.strictObject({
    defaultTarget: languageCode,
    pairModels: z.record(z.string().regex(/^[a-z]{2,3}-[a-z]{2,3}$/u, 'pairs look like ja-en'), z.string().min(1)),
  }),
  generate: z.strictObject({
    maxNewTokens: positiveInt.max(8192),
    temperature: z.number().min(0).max(2),
    topP: z.number().gt(0).max(1),
    systemPrompt: z.string(),
  }),
  transcribe: z.strictObject({
    language: z.union([z.literal('auto'), languageCode]),
    task: z.enum(['transcribe', 'translate']),
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
