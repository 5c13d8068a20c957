/** Turns transformers.js load failures into messages a user (or admin) can act on. */
import { UserError } from '../core/errors.ts';
import type { Config } from '../config/index.ts';
import type { ModelSpec } from './runtime.ts';

/** The thrown error when a model's files are not in `models.dir` and downloads are off (or failed). */
export function toModelError(error: unknown, spec: ModelSpec, models: Config['models']): Error {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /not found locally|could not locate file|local_files_only|Unauthorized access|fetch failed|ENOTFOUND|EAI_AGAIN/iu.test(
    message,
  );
  if (!missing) return error instanceof Error ? error : new Error(message);
  const file = /at "([^"]+)"/u.exec(message)?.[1];
  const where = file ? ` (missing ${file})` : '';
  const how = models.allowRemote
    ? 'The download failed; check the network, or fetch it with `npm run models -- download`.'
    : 'Downloads are off (offline mode); fetch it with `npm run models -- download` on a machine with internet access.';
  return new UserError('model_missing', `The model ${spec.model} is not available in ${models.dir}${where}. ${how}`);
}
