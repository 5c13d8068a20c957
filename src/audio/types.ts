/** Public shapes of the audio folder (kept apart so decoders can share them without import cycles). */
export interface AudioLimits {
  maxBytes: number;
  maxDurationSec: number;
}

export interface DecodedAudio {
  /** 16 kHz mono PCM in [-1, 1]. */
  samples: Float32Array;
  sampleRate: 16000;
  /** Length of the source audio (before resampling). */
  durationSec: number;
  sourceFormat: string;
  sourceSampleRate: number;
  sourceChannels: number;
}

export interface DecodeOptions {
  /** undefined: look ffmpeg up on PATH; null: never use ffmpeg; string: use this binary. */
  ffmpegPath?: string | null;
  signal?: AbortSignal;
  /** Upper bound for one ffmpeg run (default 60 s). */
  ffmpegTimeoutMs?: number;
}
