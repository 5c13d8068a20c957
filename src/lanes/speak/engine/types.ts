/**
 * The text-to-speech engine contract. The speak lane talks to engines only through this interface, so
 * a second engine (Kokoro for English, say) can serve some languages while Supertonic serves others.
 */

/** One utterance to synthesise: a sentence or a short paragraph of already-cleaned text. */
export interface SynthesisRequest {
  readonly text: string;
  /** ISO 639-1 code the engine speaks (see `SpeechEngine.languages`). */
  readonly language: string;
  /** One of `SpeechEngine.voices`. */
  readonly voice: string;
  /** Checked between model steps; an aborted signal rejects with its reason. */
  readonly signal?: AbortSignal;
}

/** A loaded text-to-speech model. */
export interface SpeechEngine {
  /** The model id it was loaded from (for results and logs). */
  readonly model: string;
  /** Samples per second of the audio `synthesize` returns (mono). */
  readonly sampleRate: number;
  readonly languages: ReadonlySet<string>;
  readonly voices: readonly string[];
  /** Mono samples in [-1, 1] (values outside are clipped by the encoder). Deterministic for the same request. */
  synthesize(request: SynthesisRequest): Promise<Float32Array>;
  /** Frees the ONNX sessions. */
  dispose(): Promise<void>;
}

/** Where models live and whether they may be downloaded (the `models` config section). */
export interface ModelStore {
  /** Folder holding `<model id>/...` (the Hugging Face repo layout). */
  readonly dir: string;
  readonly allowRemote: boolean;
  /** Hugging Face Hub or a mirror of it (`HF_ENDPOINT`). */
  readonly remoteHost: string;
  /** onnxruntime intra-op threads per session; 0 = automatic. */
  readonly threads: number;
}
