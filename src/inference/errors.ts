/**
 * Turns transformers.js load failures into messages a member can read and an admin can act on.
 *
 * The message goes to whoever asked, in any channel, so it names the model and the command to run but never
 * a server path (the models folder, a missing file, an absolute model path). Those go to the worker's log,
 * and `npm run models -- status` lists the missing files on the server itself.
 */
import path from 'node:path';
import { UserError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { redactUrlsIn } from '../core/redact-url.ts';
import type { Config } from '../config/index.ts';
import { inferenceMessages as m } from './messages.ts';
import type { ModelSpec } from './runtime.ts';

const MISSING = /not found locally|could not locate file|local_files_only|Unauthorized access|fetch failed|ENOTFOUND|EAI_AGAIN/iu;

/** A model that is not in the models folder; `detail` (the library's message, with paths) is for the logs. */
export class ModelMissingError extends UserError {
  constructor(
    readonly model: string,
    readonly offline: boolean,
    readonly detail: string,
    /** The library's error (with its network cause), for the start-up line that says what went wrong. */
    readonly original?: unknown,
  ) {
    super('model_missing', m.modelMissing(displayName(model), offline));
  }
}

/**
 * The error to throw for a failed model load: a `ModelMissingError` without paths when the files are absent or
 * could not be downloaded (the full detail is logged at warn), otherwise the original error.
 */
export function toModelError(error: unknown, spec: ModelSpec, models: Config['models'], logger?: Logger): Error {
  const detail = error instanceof Error ? error.message : String(error);
  if (!MISSING.test(detail)) return error instanceof Error ? error : new Error(detail);
  // info, not warn: start-up prints one line per lane with the reason (src/inference/prepare.ts); this is the detail.
  logger?.info(
    {
      model: spec.model,
      task: spec.task,
      dtype: spec.dtype,
      modelsDir: models.dir,
      allowRemote: models.allowRemote,
      detail: redactUrlsIn(detail),
    },
    'model not available',
  );
  return new ModelMissingError(spec.model, !models.allowRemote, redactUrlsIn(detail), error);
}

/** A Hugging Face id (`org/name`) as it is; a model configured by filesystem path only by its folder name. */
export function displayName(model: string): string {
  return path.isAbsolute(model) || model.startsWith('.') || model.includes('\\') ? path.basename(model) : model;
}
