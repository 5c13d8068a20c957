/**
 * The `lanes.<name>` config block every lane has: which model serves it and how its queue behaves. Each lane
 * declares its defaults (`defineLane({ tunables })`); the config schema is derived from them, so a config file
 * without a lane's block runs it with those defaults, and a block for a lane that does not exist is an error.
 */
import { z } from 'zod';

const positiveInt = z.number().int().positive();

export const DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16'] as const;
export const DEVICES = ['cpu', 'cuda', 'auto'] as const;

/** One lane's tunables. */
export interface LaneTunables {
  /** Whether workers serve this lane and the bot routes to it. */
  readonly enabled: boolean;
  /** Hugging Face model id (downloaded into `models.dir`) or a folder name under `models.dir`; '' for lanes without a model. */
  readonly model: string;
  /** ONNX weight variant: q8 is the fast CPU default; fp32 is exact; q4/fp16 where the model ships them. */
  readonly dtype: (typeof DTYPES)[number];
  /** onnxruntime execution provider: `cpu`, or `cuda` with the GPU build of onnxruntime-node. */
  readonly device: (typeof DEVICES)[number];
  /** Jobs one worker process runs at once for this lane. */
  readonly concurrency: number;
  /** Tries per job (first run included) before the member is told it failed. */
  readonly attempts: number;
  /** Longest one job may run. */
  readonly timeoutSec: number;
  /** BullMQ priority: 1 is served first. */
  readonly priority: number;
  /** Waiting jobs above which new requests are refused at once with "busy, try again in ~N s" (0 = no limit). */
  readonly maxWaiting: number;
}

/** The schema of one lane's block, every key defaulting to the lane's declared value. */
export function tunablesSchema(defaults: LaneTunables) {
  return z
    .strictObject({
      enabled: z.boolean().default(defaults.enabled),
      model: z.string().default(defaults.model),
      dtype: z.enum(DTYPES).default(defaults.dtype),
      device: z.enum(DEVICES).default(defaults.device),
      concurrency: positiveInt.max(64).default(defaults.concurrency),
      attempts: positiveInt.max(10).default(defaults.attempts),
      timeoutSec: positiveInt.max(3600).default(defaults.timeoutSec),
      priority: positiveInt.max(1000).default(defaults.priority),
      maxWaiting: z.number().int().min(0).default(defaults.maxWaiting),
    })
    .prefault({});
}

export type LaneConfig = z.output<ReturnType<typeof tunablesSchema>>;
