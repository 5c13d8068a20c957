/**
 * Which model files each lane needs and whether they are in the models folder. Used by the `npm run models`
 * command and by worker start-up; lanes declare their models (`defineLane({ models })`).
 */
import { ModelRegistry } from '@huggingface/transformers';
import type { ModelSpec } from './runtime.ts';

export interface ModelStatus {
  readonly spec: ModelSpec;
  /** Files present, or all files when the list could be determined. */
  readonly files: readonly { file: string; present: boolean }[];
  readonly complete: boolean;
}

/** Checks the models folder only (never the network). Without config.json the file list is unknown. */
export async function modelStatus(spec: ModelSpec): Promise<ModelStatus> {
  try {
    const result = await ModelRegistry.is_pipeline_cached_files(spec.task, spec.model, { dtype: spec.dtype, device: spec.device });
    const files = result.files.map((entry) => ({ file: entry.file, present: entry.cached }));
    return { spec, files, complete: result.allCached };
  } catch {
    return { spec, files: [{ file: 'config.json', present: false }], complete: false };
  }
}
