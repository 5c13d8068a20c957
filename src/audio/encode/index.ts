/**
 * Audio out: mono samples at any rate -> a Discord voice message (48 kHz mono OGG/Opus at ~32 kbit/s
 * plus its duration and waveform). The counterpart of `src/audio/decode.ts`; each step is one file.
 */
import { Resampler } from '../resample.ts';
import { encodeOggOpus, OPUS_RATE } from './opus.ts';
import { voiceMetadata } from './waveform.ts';

export { encodeOggOpus, OPUS_RATE } from './opus.ts';
export { oggCrc } from './ogg.ts';
export { voiceMetadata, waveformBytes, waveformPoints, WAVEFORM_MAX_POINTS, type VoiceMetadata } from './waveform.ts';

export interface VoiceMessageAudio {
  /** The OGG/Opus file. */
  readonly ogg: Uint8Array;
  readonly durationSecs: number;
  readonly waveform: string;
  /** Samples at 48 kHz (the duration's numerator). */
  readonly samples: number;
}

/** Resamples to 48 kHz with the project's band-limited resampler (no-op when already 48 kHz). */
export function to48k(samples: Float32Array, sampleRate: number): Float32Array {
  if (sampleRate === OPUS_RATE) return samples;
  const resampler = new Resampler(sampleRate, samples.length, OPUS_RATE);
  resampler.pushChannels([samples]);
  return resampler.finish();
}

export function encodeVoiceMessage(samples: Float32Array, sampleRate: number, options: { bitrate?: number } = {}): VoiceMessageAudio {
  const audio = to48k(samples, sampleRate);
  const ogg = encodeOggOpus(audio, { inputSampleRate: sampleRate, ...(options.bitrate ? { bitrate: options.bitrate } : {}) });
  return { ogg, samples: audio.length, ...voiceMetadata(audio, OPUS_RATE) };
}
