/** Turns transformers.js load failures into messages a user (or admin) can act on. */
import { UserError } from '../core/errors.ts';
import type { Config } from '../config/index.ts';
import { inferenceMessages as m } from './messages.ts';
import type { ModelSpec } from './runtime.ts';

/** A model that is not in the models folder; `detail` (the library's message, with paths) is for the logs. */
export class ModelMissingError extends UserError {
  constructor(
    readonly model: string,
    readonly offline: boolean,
    readonly detail: string,
  ) {
    super('model_missing', m.modelMissing(model, offline));
  }
}

/** The thrown error when a model's files are not in `models.dir` and downloads are off (or failed). */
export function toModelError(error: unknown, spec: ModelSpec, models: Config['models']): Error {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /not found locally|could not locate file|local_files_only|Unauthorized access|fetch failed|ENOTFOUND|EAI_AGAIN/iu.test(
    message,
  );
  if (!missing) return error instanceof Error ? error : new Error(message);
  // Members read which model; the folder and the missing file are for the logs only (no server paths in messages).
  return new ModelMissingError(spec.model, !models.allowRemote, message);
}
