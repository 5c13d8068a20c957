/**
 * Model access for worker processes. Each (task, model, dtype, device) is loaded once per process:
 * the *promise* of the load is cached so concurrent first callers share it, and a failed load is
 * forgotten so the next job retries (e.g. after `npm run models -- download`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline, type AllTasks, type PretrainedModelOptions } from '@huggingface/transformers';
import type { Config, LaneConfig } from '../config/index.ts';
import type { Logger } from '../core/logger.ts';
import { UserError } from '../core/errors.ts';
import { DownloadTracker, type DownloadProgress } from './download-progress.ts';
import { displayName, toModelError } from './errors.ts';
import { inferenceMessages } from './messages.ts';

/** A transformers.js pipeline task. */
export type LaneTask = keyof AllTasks;

export type PipelineFor<T extends LaneTask> = AllTasks[T];

/** What to load: the lane's model settings plus the task that runs it. */
export interface ModelSpec {
  readonly task: LaneTask;
  readonly model: string;
  readonly dtype: LaneConfig['dtype'];
  readonly device: LaneConfig['device'];
}

/** The spec of a lane's main model: its task with the model, dtype and device of its `lanes.<name>` block. */
export function pipelineSpec(task: LaneTask, tunables: Pick<LaneConfig, 'model' | 'dtype' | 'device'>): ModelSpec {
  return { task, model: tunables.model, dtype: tunables.dtype, device: tunables.device };
}

export interface ModelRuntimeOptions {
  readonly models: Config['models'];
  readonly logger: Logger;
  /** Called with download/load progress events from transformers.js (the download command uses it). */
  readonly onProgress?: (event: unknown) => void;
}

/** Points transformers.js at the models folder. The library's `env` is process-global, so do it once. */
export function configureTransformers(models: Config['models']): void {
  env.cacheDir = models.dir;
  env.localModelPath = models.dir.endsWith('/') ? models.dir : `${models.dir}/`;
  env.allowLocalModels = true;
  env.allowRemoteModels = models.allowRemote;
  env.remoteHost = models.remoteHost;
}

export class ModelRuntime {
  readonly #loads = new Map<string, Promise<unknown>>();
  /** Pipelines whose load finished: the ones to dispose (a download still running is not waited for). */
  readonly #loaded = new Set<unknown>();
  readonly #downloads = new Map<string, DownloadTracker>();
  /** Models being prepared that were not in the models folder when `prepare` began. */
  readonly #fresh = new Set<string>();
  readonly #options: ModelRuntimeOptions;

  constructor(options: ModelRuntimeOptions) {
    this.#options = options;
    configureTransformers(options.models);
  }

  /**
   * The pipeline for `spec`, loading it on first use. Rejects with a `UserError('model_missing')` when absent, and
   * with `UserError('model_downloading')` (its progress) while `prepare` is still downloading it.
   */
  load<T extends LaneTask>(spec: ModelSpec & { task: T }, onProgress = this.#options.onProgress): Promise<PipelineFor<T>> {
    const key = modelKey(spec);
    const download = this.#downloads.get(key);
    // Not being prepared, or read from the models folder (transformers.js reports reading local files with the same
    // events as a download): worth waiting for.
    if (!download || !this.#fresh.has(key)) return this.#load(key, spec, onProgress);
    if (download.downloading) return Promise.reject(stillDownloading(spec, download));
    // Being prepared, not (yet) downloading: a load from the models folder is worth waiting for, a download is not.
    return Promise.race([
      this.#load(key, spec, onProgress),
      download.started.then((): never => {
        throw stillDownloading(spec, download);
      }),
    ]);
  }

  /**
   * Whether `prepare` is still bringing `spec` in — `downloading` its files or `loading` them from the models folder —
   * answered without waiting; undefined once it is in (or failed, or was never prepared). A lane that can answer
   * without the model (the FAQ's lexical retrieval) asks this instead of `load`, which would refuse or wait.
   */
  preparing(spec: ModelSpec): 'downloading' | 'loading' | undefined {
    const key = modelKey(spec);
    const download = this.#downloads.get(key);
    if (!download) return undefined;
    return this.#fresh.has(key) ? 'downloading' : 'loading';
  }

  /**
   * Loads `spec` at start-up. While its files download, `onDownload` hears the progress and jobs asking for the
   * model are told how far it is instead of waiting for it (a 1 GB model can take many minutes).
   */
  prepare(spec: ModelSpec, onDownload?: (progress: DownloadProgress) => void): Promise<unknown> {
    const key = modelKey(spec);
    const tracker = new DownloadTracker();
    // Not in the models folder: a download, even before its first byte (the first files are only being sized).
    const fresh = this.#options.models.allowRemote && !existsSync(path.join(this.#options.models.dir, spec.model, 'config.json'));
    const onProgress = (event: unknown) => {
      // Reading local files raises the same events: only a fresh model's are a download worth reporting.
      if (tracker.update(event) && fresh) onDownload?.(tracker.snapshot());
      this.#options.onProgress?.(event);
    };
    this.#downloads.set(key, tracker);
    if (fresh) this.#fresh.add(key);
    return this.#load(key, spec, onProgress).finally(() => {
      this.#downloads.delete(key);
      this.#fresh.delete(key);
    });
  }

  #load<T extends LaneTask>(
    key: string,
    spec: ModelSpec & { task: T },
    onProgress: ((event: unknown) => void) | undefined,
  ): Promise<PipelineFor<T>> {
    let loading = this.#loads.get(key) as Promise<PipelineFor<T>> | undefined;
    if (!loading) {
      loading = this.#create(spec, onProgress);
      this.#loads.set(key, loading);
      loading.then(
        (loaded) => this.#loaded.add(loaded),
        () => this.#loads.delete(key),
      );
    }
    return loading;
  }

  async #create<T extends LaneTask>(
    spec: ModelSpec & { task: T },
    onProgress: ((event: unknown) => void) | undefined,
  ): Promise<PipelineFor<T>> {
    const { models, logger } = this.#options;
    const started = performance.now();
    const options: PretrainedModelOptions = {
      dtype: spec.dtype,
      device: spec.device,
      local_files_only: !models.allowRemote,
      session_options: sessionOptions(models),
      ...(onProgress ? { progress_callback: onProgress } : {}),
    };
    try {
      const loaded = await pipeline(spec.task, spec.model, options);
      logger.info({ model: spec.model, task: spec.task, dtype: spec.dtype, ms: Math.round(performance.now() - started) }, 'model loaded');
      return loaded;
    } catch (error) {
      throw toModelError(error, spec, models, logger);
    }
  }

  /** Frees every loaded ONNX session; a model still downloading or loading is left to the process's exit. */
  async dispose(): Promise<void> {
    const loaded = [...this.#loaded];
    this.#loads.clear();
    this.#loaded.clear();
    for (const pipeline of loaded) await (pipeline as { dispose?: () => Promise<unknown> }).dispose?.();
  }
}

/**
 * onnxruntime session options from `models`: intra-op threads (0 = its own choice) and, unless `spinning`, threads
 * that sleep between operations instead of busy-waiting (session config entries, passed through as `extra`).
 */
export function sessionOptions(
  models: Pick<Config['models'], 'threads' | 'spinning'>,
): NonNullable<PretrainedModelOptions['session_options']> {
  const spinning = models.spinning ? '1' : '0';
  return {
    ...(models.threads > 0 ? { intraOpNumThreads: models.threads, interOpNumThreads: 1 } : {}),
    extra: { session: { intra_op: { allow_spinning: spinning }, inter_op: { allow_spinning: spinning } } },
  };
}

function modelKey(spec: ModelSpec): string {
  return `${spec.task}|${spec.model}|${spec.dtype}|${spec.device}`;
}

function stillDownloading(spec: ModelSpec, tracker: DownloadTracker): UserError {
  const { percent, etaSec } = tracker.snapshot();
  const minutes = etaSec === undefined ? undefined : Math.max(1, Math.ceil(etaSec / 60));
  return new UserError('model_downloading', inferenceMessages.stillDownloading(displayName(spec.model), percent, minutes));
}
