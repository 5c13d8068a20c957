/**
 * Energy-based speech presence and edge trimming. Whisper hallucinates text ("Thank you.") on silence,
 * so silent clips are reported instead of transcribed, and long silent edges are cut to save compute.
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

export function trimSilence(samples: Float32Array, sampleRate: number, options: SilenceOptions = {}): TrimResult {
  const { frameMs = 20, marginDb = 8, absoluteFloorDb = -55, minSpeechMs = 100, paddingMs = 250 } = options;
  const frame = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  const count = Math.floor(samples.length / frame);
  if (count === 0) return { samples, hasSpeech: false, startSec: 0 };

  const energyDb = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    let sum = 0;
    for (let i = f * frame, end = i + frame; i < end; i++) sum += samples[i]! * samples[i]!;
    energyDb[f] = 10 * Math.log10(sum / frame + 1e-12); // RMS in dBFS (power form)
  }
  const sorted = Float64Array.from(energyDb).sort();
  const floorDb = sorted[Math.floor(count * 0.1)]!;
  const threshold = Math.max(floorDb + marginDb, absoluteFloorDb);

  let first = -1;
  let last = -1;
  let active = 0;
  for (let f = 0; f < count; f++) {
    if (energyDb[f]! <= threshold) continue;
    if (first < 0) first = f;
    last = f;
    active++;
  }
  if (active * frameMs < minSpeechMs) return { samples, hasSpeech: false, startSec: 0 };

  const pad = Math.round((sampleRate * paddingMs) / 1000);
  const start = Math.max(0, first * frame - pad);
  const end = Math.min(samples.length, (last + 1) * frame + pad);
  return { samples: samples.subarray(start, end), hasSpeech: true, startSec: start / sampleRate };
}
