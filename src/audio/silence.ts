/**
 * Energy-based speech presence and edge trimming. Whisper hallucinates text ("Thank you.") on silence,
 * so silent clips are reported instead of transcribed, and long silent edges are cut to save compute.
 * `frameActivity` is the shared voice-activity step: the lane also uses it to cut long audio at pauses.
 */
export interface TrimResult {
  /** The input between the first and last active frame plus padding (a view, not a copy). */
  samples: Float32Array;
  /** True when enough frames rise clearly above the noise floor to be worth transcribing. */
  hasSpeech: boolean;
  /** Offset of `samples` in the input, in seconds. */
  startSec: number;
}

export interface SilenceOptions {
  frameMs?: number;
  /** Frames must be this far above the noise floor (10th-percentile frame energy) to count as active. */
  marginDb?: number;
  /** Frames quieter than this are silence whatever the floor (digital silence, dither, faint hiss). */
  absoluteFloorDb?: number;
  /** Total active time needed to call it speech; a single click is not. */
  minSpeechMs?: number;
  /** Kept before the first / after the last active frame so soft onsets and endings survive. */
  paddingMs?: number;
}

/** Per-frame voice activity of a whole clip: one threshold for the clip, so quiet windows stay quiet. */
export interface FrameActivity {
  /** Samples per frame. */
  readonly frame: number;
  readonly frameMs: number;
  /** 1 where the frame is clearly above the clip's noise floor. */
  readonly active: Uint8Array;
}

export function frameActivity(samples: Float32Array, sampleRate: number, options: SilenceOptions = {}): FrameActivity {
  const { frameMs = 20, marginDb = 8, absoluteFloorDb = -55 } = options;
  const frame = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  const count = Math.floor(samples.length / frame);
  const energyDb = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    let sum = 0;
    for (let i = f * frame, end = i + frame; i < end; i++) sum += samples[i]! * samples[i]!;
    energyDb[f] = 10 * Math.log10(sum / frame + 1e-12); // RMS in dBFS (power form)
  }
  const active = new Uint8Array(count);
  if (count === 0) return { frame, frameMs, active };
  const sorted = Float64Array.from(energyDb).sort();
  const floorDb = sorted[Math.floor(count * 0.1)]!;
  const threshold = Math.max(floorDb + marginDb, absoluteFloorDb);
  for (let f = 0; f < count; f++) active[f] = energyDb[f]! > threshold ? 1 : 0;
  return { frame, frameMs, active };
}

/** Active time (ms) between two sample offsets. */
export function activeMs(activity: FrameActivity, start: number, end: number): number {
  let frames = 0;
  const last = Math.min(activity.active.length, Math.ceil(end / activity.frame));
  for (let f = Math.floor(start / activity.frame); f < last; f++) frames += activity.active[f]!;
  return frames * activity.frameMs;
}

export function trimSilence(samples: Float32Array, sampleRate: number, options: SilenceOptions = {}): TrimResult {
  const { minSpeechMs = 100, paddingMs = 250 } = options;
  const activity = frameActivity(samples, sampleRate, options);
  const { frame, frameMs, active } = activity;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let f = 0; f < active.length; f++) {
    if (!active[f]) continue;
    if (first < 0) first = f;
    last = f;
    count++;
  }
  if (count * frameMs < minSpeechMs) return { samples, hasSpeech: false, startSec: 0 };

  const pad = Math.round((sampleRate * paddingMs) / 1000);
  const start = Math.max(0, first * frame - pad);
  const end = Math.min(samples.length, (last + 1) * frame + pad);
  return { samples: samples.subarray(start, end), hasSpeech: true, startSec: start / sampleRate };
}
