/**
 * Supertonic 3 on onnxruntime-node: duration predictor -> text encoder -> `steps` flow-matching steps of
 * the vector estimator from seeded noise -> vocoder, trimmed to the predicted duration. The same flow as
 * the reference implementation (supertone-inc/supertonic `py/helper.py` `TextToSpeech._infer`), batch 1.
 */
import * as ort from 'onnxruntime-node';
import path from 'node:path';
import type { Logger } from '../../../../core/logger.ts';
import { ensureModelFiles, type DownloadProgress } from '../files.ts';
import type { ModelStore, SpeechEngine, SynthesisRequest } from '../types.ts';
import {
  CONFIG_FILE,
  GRAPHS,
  graphFile,
  INDEXER_FILE,
  loadGeometry,
  loadIndexer,
  loadVoice,
  voiceFile,
  type AudioGeometry,
  type GraphName,
  type VoiceStyle,
} from './assets.ts';
import { gaussianNoise, seedOf } from './noise.ts';
import { encodeText, preprocessText } from './text.ts';

/** How a Supertonic model is run (the `speak.engines.<name>` config entry). */
export interface SupertonicOptions {
  readonly model: string;
  /** Voice style names under `voice_styles/` (downloaded on first use). */
  readonly voices: readonly string[];
  readonly languages: readonly string[];
  /** Flow-matching steps: more is cleaner and slower (reference default 8). */
  readonly steps: number;
  /** Speaking rate: the predicted duration is divided by it (reference default 1.05). */
  readonly speed: number;
}

/** No utterance is synthesised shorter than this or longer than that, whatever the duration predictor says. */
const MIN_SECONDS = 0.05;
const MAX_SECONDS = 30;

type Sessions = Readonly<Record<GraphName, ort.InferenceSession>>;

const f32 = (data: Float32Array, dims: readonly number[]) => new ort.Tensor('float32', data, dims);

class SupertonicEngine implements SpeechEngine {
  readonly languages: ReadonlySet<string>;
  readonly voices: readonly string[];
  readonly #styles = new Map<string, Promise<VoiceStyle>>();

  constructor(
    readonly model: string,
    private readonly folder: string,
    private readonly sessions: Sessions,
    private readonly geometry: AudioGeometry,
    private readonly indexer: Int32Array,
    private readonly options: SupertonicOptions,
    private readonly store: ModelStore,
    private readonly logger: Logger | undefined,
  ) {
    this.languages = new Set(options.languages);
    this.voices = options.voices;
  }

  get sampleRate(): number {
    return this.geometry.sampleRate;
  }

  async synthesize({ text, language, voice, signal }: SynthesisRequest): Promise<Float32Array> {
    if (!this.languages.has(language)) throw new RangeError(`${this.model} does not speak "${language}"`);
    const style = await this.#style(voice);
    const { ids, unknown } = encodeText(preprocessText(text, language), this.indexer);
    if (unknown.length)
      this.logger?.debug({ model: this.model, unknown: [...new Set(unknown)].join('') }, 'characters the model does not know were skipped');
    const length = ids.length;
    const textIds = new ort.Tensor('int64', ids, [1, length]);
    const textMask = f32(new Float32Array(length).fill(1), [1, 1, length]);
    const styleTtl = f32(style.ttl, [1, 50, 256]);
    signal?.throwIfAborted();

    const { duration } = await this.sessions.duration_predictor.run({
      text_ids: textIds,
      style_dp: f32(style.dp, [1, 8, 16]),
      text_mask: textMask,
    });
    const predicted = Number((duration?.data as Float32Array | undefined)?.[0]) / this.options.speed;
    const seconds = Number.isFinite(predicted) ? Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, predicted)) : MIN_SECONDS;
    const { text_emb: textEmb } = await this.sessions.text_encoder.run({ text_ids: textIds, style_ttl: styleTtl, text_mask: textMask });
    if (!textEmb) throw new Error(`${this.model}: text_encoder returned no text_emb`);

    const samples = Math.floor(seconds * this.geometry.sampleRate);
    const frames = Math.max(1, Math.ceil(samples / this.geometry.samplesPerFrame));
    const channels = this.geometry.latentChannels;
    let latent: ort.Tensor = f32(gaussianNoise(channels * frames, seedOf(`${voice}\u0000${language}\u0000${text}`)), [1, channels, frames]);
    const latentMask = f32(new Float32Array(frames).fill(1), [1, 1, frames]);
    const totalStep = f32(Float32Array.of(this.options.steps), [1]);
    for (let step = 0; step < this.options.steps; step++) {
      signal?.throwIfAborted();
      const out = await this.sessions.vector_estimator.run({
        noisy_latent: latent,
        text_emb: textEmb,
        style_ttl: styleTtl,
        latent_mask: latentMask,
        text_mask: textMask,
        current_step: f32(Float32Array.of(step), [1]),
        total_step: totalStep,
      });
      if (!out.denoised_latent) throw new Error(`${this.model}: vector_estimator returned no denoised_latent`);
      latent = out.denoised_latent;
    }
    signal?.throwIfAborted();
    const { wav_tts: wav } = await this.sessions.vocoder.run({ latent });
    const data = wav?.data as Float32Array | undefined;
    if (!data) throw new Error(`${this.model}: vocoder returned no wav_tts`);
    return data.slice(0, Math.min(samples, data.length));
  }

  /** A voice's style tensors, downloaded and parsed on first use (a failed load is retried next time). */
  #style(voice: string): Promise<VoiceStyle> {
    if (!this.voices.includes(voice)) return Promise.reject(new RangeError(`${this.model} has no voice "${voice}"`));
    let loading = this.#styles.get(voice);
    if (!loading) {
      loading = ensureModelFiles(this.store, this.model, [voiceFile(voice)]).then(() => loadVoice(this.folder, voice));
      this.#styles.set(voice, loading);
      loading.catch(() => this.#styles.delete(voice));
    }
    return loading;
  }

  async dispose(): Promise<void> {
    for (const session of Object.values(this.sessions)) await session.release();
  }
}

export interface LoadOptions {
  readonly logger?: Logger;
  /** Download progress of missing files (the models command shows it). */
  readonly onProgress?: (progress: DownloadProgress) => void;
}

/** Downloads what is missing (when allowed), then opens the four ONNX sessions. */
export async function loadSupertonic(options: SupertonicOptions, store: ModelStore, load: LoadOptions = {}): Promise<SpeechEngine> {
  const files = [...GRAPHS.map(graphFile), CONFIG_FILE, INDEXER_FILE];
  const folder = await ensureModelFiles(store, options.model, files, load.onProgress ? { onProgress: load.onProgress } : {});
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    ...(store.threads > 0 ? { intraOpNumThreads: store.threads, interOpNumThreads: 1 } : {}),
  };
  const sessions: Partial<Record<GraphName, ort.InferenceSession>> = {};
  try {
    // One after another: opening four sessions at once would hold every graph's build memory together.
    for (const graph of GRAPHS) sessions[graph] = await ort.InferenceSession.create(path.join(folder, graphFile(graph)), sessionOptions);
  } catch (error) {
    for (const session of Object.values(sessions)) await session.release();
    throw error;
  }
  const [geometry, indexer] = await Promise.all([loadGeometry(folder), loadIndexer(folder)]);
  return new SupertonicEngine(options.model, folder, sessions as Sessions, geometry, indexer, options, store, load.logger);
}
