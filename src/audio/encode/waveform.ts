/**
 * Voice-message metadata Discord requires next to the OGG/Opus attachment: `duration_secs` and a
 * `waveform` (base64 bytes, one amplitude 0-255 per point, at most 256 points and at most one point per
 * 100 ms of audio). Pure functions of the samples.
 */

/** Discord's limits on the waveform. */
export const WAVEFORM_MAX_POINTS = 256;
export const WAVEFORM_MIN_POINT_SEC = 0.1;

export interface VoiceMetadata {
  readonly durationSecs: number;
  /** Base64 of the amplitude bytes. */
  readonly waveform: string;
}

/** How many points a clip of this length gets: one per 100 ms, at least one, at most 256. */
export function waveformPoints(durationSecs: number): number {
  return Math.min(WAVEFORM_MAX_POINTS, Math.max(1, Math.floor(durationSecs / WAVEFORM_MIN_POINT_SEC + 1e-9)));
}

/** RMS of each of `points` equal stretches, scaled so the loudest is 255 (all zeros for silence). */
export function waveformBytes(samples: Float32Array, points: number): Uint8Array {
  const rms = new Float64Array(points);
  for (let p = 0; p < points; p++) {
    const from = Math.floor((p * samples.length) / points);
    const to = Math.max(from + 1, Math.floor(((p + 1) * samples.length) / points));
    let sum = 0;
    for (let i = from; i < to && i < samples.length; i++) sum += samples[i]! * samples[i]!;
    rms[p] = Math.sqrt(sum / (to - from));
  }
  const peak = Math.max(...rms);
  return Uint8Array.from(rms, (value) => (peak > 0 ? Math.round((value / peak) * 255) : 0));
}

export function voiceMetadata(samples: Float32Array, sampleRate: number): VoiceMetadata {
  const durationSecs = samples.length / sampleRate;
  const bytes = waveformBytes(samples, waveformPoints(durationSecs));
  return { durationSecs, waveform: Buffer.from(bytes).toString('base64') };
}
