/**
 * The lane module contract. A lane is one folder, `src/lanes/<lane>/`, whose `index.ts` exports one
 * `defineLane({...})` object; `src/lanes/index.ts` lists those objects, and that list is the only place a lane is
 * named outside its folder. Everything else — the config schema, the queues and workers, the model download
 * command, the replies, the Discord commands and buttons, the local chat — iterates over the list.
 *
 * `defineLane` captures the lane's input, result and settings types once, so the queue and bot code never need
 * a cast to call a lane's processor or renderer with the right types.
 */
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Config } from '../config/index.ts';
import type { Logger } from '../core/logger.ts';
import type { Locale, LocalText } from '../i18n/text.ts';
import type { ModelRuntime, ModelSpec } from '../inference/runtime.ts';
import type { LaneChain } from './chain.ts';
import type { LaneDiscord } from './discord.ts';
import type { LaneLocal } from './local.ts';
import type { LaneProcessor } from './process-context.ts';
import type { LaneTunables } from './tunables.ts';

/**
 * What a lane does, in one word, for the router's policies: the bot composes lanes by role ("answer from the
 * knowledge base, else converse"), never by name, so a lane can be replaced by another with the same role.
 */
export type LaneRole = 'knowledge' | 'conversation' | 'transcription' | 'translation' | 'speech' | 'reservation';

/** What every processor factory receives; a lane takes what it needs. */
export interface LaneDeps {
  readonly config: Config;
  readonly runtime: ModelRuntime;
  readonly logger: Logger;
  /** The worker's Redis connection for lane state (per-server FAQs, glossaries, bookings…). */
  readonly redis: Redis;
}

/** How a finished result reads as text: the local chat prints it, and it is the base of the Discord rendering. */
export interface RenderContext {
  readonly locale: Locale;
  readonly config: Config;
}

/**
 * What front-end code needs to address a lane (enqueue a typed input, show its progress): the lane's name, queue,
 * role, input schema and verb. Each lane exports its ref from `ref.ts`, which its own Discord and local-chat code
 * import, so they never import the lane's `index.ts` (that would tie the modules' load order in a knot).
 */
export interface LaneRef<N extends string = string, I extends z.ZodType = z.ZodType> {
  readonly name: N;
  /** BullMQ queue name (under the configured Redis prefix); the lane's name. */
  readonly queue: string;
  readonly role: LaneRole;
  /** The job payload, checked at enqueue and again in the worker. */
  readonly input: I;
  /** What a member sees while the job runs ("translating…"). */
  readonly verb: LocalText;
  /** Characters of text the input carries, checked against `limits.maxTextChars` at enqueue and in the worker. */
  readonly measure?: (input: z.output<I>) => number;
}

export function laneRef<const N extends string, I extends z.ZodType>(ref: Omit<LaneRef<N, I>, 'queue'>): LaneRef<N, I> {
  return Object.freeze({ ...ref, queue: ref.name });
}

/**
 * A model a lane fetches itself, file by file (not a transformers.js pipeline): `npm run models` shows whether it
 * is here and downloads what is missing.
 */
export interface LaneModelFiles {
  /** Hub id or folder name under `models.dir`. */
  readonly model: string;
  /** The files (paths inside the model) not in the models folder yet. */
  missing(): Promise<string[]>;
  /** Fetches the missing files; progress events have the transformers.js shape the download printer reads. */
  download(onProgress?: (event: unknown) => void): Promise<void>;
}

export interface LaneSpec<N extends string, I extends z.ZodType, R extends z.ZodType, S extends z.ZodType> extends LaneRef<N, I> {
  /** The result, checked before it is posted to the replies queue. */
  readonly result: R;
  /** The `lanes.<name>` config block's defaults: a config file without the block runs the lane with these. */
  readonly tunables: LaneTunables;
  /** The schema (with defaults) of the lane's own top-level config block `<name>:`. */
  readonly settings: S;
  /** Limits that contradict each other in this lane's config (checked at start-up, listed with other config errors). */
  readonly checks?: (config: Config) => readonly string[];
  /** The models the lane loads (for `npm run models`, preloading and readiness); none for model-free lanes. */
  readonly models: (config: Config) => readonly ModelSpec[];
  /**
   * How the lane answers while its models download, when it does not wait for them (the FAQ's lexical retrieval),
   * shown on its start-up line: `lexical (the embedding model is still downloading)`. Absent: until its models are
   * in, its jobs are told how far the download is.
   */
  readonly meanwhile?: string;
  /** Models the lane fetches file by file itself (see `LaneModelFiles`); none when absent. */
  readonly modelFiles?: (config: Config) => readonly LaneModelFiles[];
  /** Builds the processor; imported lazily by the lane so the bot process never loads inference code. */
  readonly createProcessor: (deps: LaneDeps) => Promise<LaneProcessor<z.output<I>, z.output<R>>>;
  /** The result as plain text (local chat, logs, and the Discord rendering's default). */
  readonly render: (result: z.output<R>, context: RenderContext) => string;
  /** What may follow this lane and how its result feeds the next step. */
  readonly chain?: LaneChain<z.input<I>, z.output<R>>;
  /** Slash commands, context menus, buttons, message and reaction routes, and the Discord rendering. */
  readonly discord?: LaneDiscord<z.input<I>, z.output<R>>;
  /** The local chat's command (`/translate ja hello`). */
  readonly local?: LaneLocal<z.input<I>>;
  /**
   * Work the lane runs in a worker process beside its queue (the booking lane's reminder worker), started after the
   * processors and closed before the worker's queues and Redis.
   */
  readonly background?: (deps: LaneDeps) => Promise<{ close(): Promise<void> }>;
}

/** A defined lane: its spec plus the queue name derived from it. */
export type LaneModule<
  N extends string = string,
  I extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  S extends z.ZodType = z.ZodType,
> = LaneSpec<N, I, R, S> & {
  /** BullMQ queue name (under the configured Redis prefix). */
  readonly queue: string;
};

/** Declares a lane; see the file comment. */
export function defineLane<const N extends string, I extends z.ZodType, R extends z.ZodType, S extends z.ZodType>(
  spec: LaneSpec<N, I, R, S>,
): LaneModule<N, I, R, S> {
  return Object.freeze({ ...spec, queue: spec.name });
}

/** A schema of any type: lanes are generic in their input, result and settings, and a list of lanes mixes them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: a lane's functions take its own types
export type AnySchema = z.ZodType<any, any>;

/** Any lane, with its types erased to what generic code needs. */
export type AnyLane = LaneModule<string, AnySchema, AnySchema, AnySchema>;

/** A lane whose input type the caller knows (to enqueue a typed input without a cast). */
export type LaneWithInput<I extends z.ZodType> = LaneRef<string, I>;
