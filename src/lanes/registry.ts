/**
 * The lane registry: the one table of what each lane is. Queue names, tasks and schemas live here;
 * tunables (model id, dtype, concurrency, attempts, timeout, priority) come from config
 * (`config/default.yaml` → `lanes.<name>`), merged in by `resolveLane`. Nothing else hard-codes them.
 */
import type { z } from 'zod';
import type { Config, LaneConfig } from '../config/index.ts';
import type { LaneTask } from '../inference/runtime.ts';
import { faqInputSchema, faqResultSchema } from './faq/schema.ts';
import { generateInputSchema, generateResultSchema } from './generate/schema.ts';
import type { LaneName } from './names.ts';
import { transcribeInputSchema, transcribeResultSchema } from './transcribe/schema.ts';
import { translateInputSchema, translateResultSchema } from './translate/schema.ts';

export { LANE_NAMES, isLaneName, type LaneName } from './names.ts';

/** The fixed facts about a lane. */
export interface LaneDefinition<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly name: LaneName;
  /** BullMQ queue name (under the configured Redis prefix). */
  readonly queue: string;
  /** The transformers.js pipeline task that serves it. */
  readonly task: LaneTask;
  /** Human words for progress messages: "translating…". */
  readonly verb: string;
  readonly input: I;
  readonly result: R;
}

export const LANES = Object.freeze({
  faq: { name: 'faq', queue: 'faq', task: 'feature-extraction', verb: 'searching the FAQ', input: faqInputSchema, result: faqResultSchema },
  translate: {
    name: 'translate',
    queue: 'translate',
    task: 'translation',
    verb: 'translating',
    input: translateInputSchema,
    result: translateResultSchema,
  },
  transcribe: {
    name: 'transcribe',
    queue: 'transcribe',
    task: 'automatic-speech-recognition',
    verb: 'transcribing',
    input: transcribeInputSchema,
    result: transcribeResultSchema,
  },
  generate: {
    name: 'generate',
    queue: 'generate',
    task: 'text-generation',
    verb: 'writing',
    input: generateInputSchema,
    result: generateResultSchema,
  },
} as const satisfies { readonly [L in LaneName]: LaneDefinition & { name: L } });

export type Lanes = typeof LANES;
export type LaneInput<L extends LaneName> = z.output<Lanes[L]['input']>;
export type LaneResult<L extends LaneName> = z.output<Lanes[L]['result']>;

/** The queue that carries results back to the process that owns the chat connection. */
export const REPLIES_QUEUE = 'replies';

/** A lane with its configured tunables. */
export type ResolvedLane<L extends LaneName = LaneName> = Lanes[L] & LaneConfig;

export function resolveLane<L extends LaneName>(config: Config, lane: L): ResolvedLane<L> {
  return { ...LANES[lane], ...config.lanes[lane] };
}
