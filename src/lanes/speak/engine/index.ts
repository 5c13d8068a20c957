/**
 * Engines by kind, loaded once per process: the *promise* of a load is cached so concurrent first
 * callers share it, and a failed load is forgotten so the next job retries (as `src/inference/runtime.ts`).
 */
import type { Logger } from '../../../core/logger.ts';
import type { DownloadProgress } from './files.ts';
import { loadSupertonic, type SupertonicOptions } from './supertonic/engine.ts';
import type { ModelStore, SpeechEngine } from './types.ts';

export type { ModelStore, SpeechEngine, SynthesisRequest } from './types.ts';
export { SUPERTONIC_LANGUAGES } from './supertonic/text.ts';

/** One configured engine (`speak.engines.<name>`): its kind picks the loader. */
export type EngineConfig = { readonly kind: 'supertonic' } & SupertonicOptions;

export interface SpeechEnginesOptions {
  readonly store: ModelStore;
  readonly logger?: Logger;
  readonly onProgress?: (progress: DownloadProgress) => void;
}

export class SpeechEngines {
  readonly #loads = new Map<string, Promise<SpeechEngine>>();

  constructor(private readonly options: SpeechEnginesOptions) {}

  /** The engine for `config`, loading it on first use. Rejects with `UserError('model_missing')` when absent. */
  get(config: EngineConfig): Promise<SpeechEngine> {
    const key = JSON.stringify(config);
    let loading = this.#loads.get(key);
    if (!loading) {
      loading = this.#load(config);
      this.#loads.set(key, loading);
      loading.catch(() => this.#loads.delete(key));
    }
    return loading;
  }

  async #load(config: EngineConfig): Promise<SpeechEngine> {
    const { store, logger, onProgress } = this.options;
    const started = performance.now();
    const engine = await loadSupertonic(config, store, { ...(logger ? { logger } : {}), ...(onProgress ? { onProgress } : {}) });
    logger?.info({ model: config.model, kind: config.kind, ms: Math.round(performance.now() - started) }, 'speech model loaded');
    return engine;
  }

  /** Frees every loaded engine. */
  async dispose(): Promise<void> {
    const loads = [...this.#loads.values()];
    this.#loads.clear();
    for (const settled of await Promise.allSettled(loads)) if (settled.status === 'fulfilled') await settled.value.dispose();
  }
}
