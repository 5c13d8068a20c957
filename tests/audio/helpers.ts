// Shared fixture access and signal measurements for the audio tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { isUserError, type UserErrorCode } from '../../src/core/errors.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/audio/', import.meta.url));

export interface FixtureReference {
  sampleRate: number;
  channels: number;
  ffprobeDurationSec: number;
  /** ffmpeg's decoded sample count at the native rate / rate. */
  durationSec: number;
  /** RMS of ffmpeg's 16 kHz, channel-averaged decode. */
  rms16k: number;
}

export const manifest = JSON.parse(readFileSync(`${FIXTURES}manifest.json`, 'utf8')) as Record<string, FixtureReference>;

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export const LIMITS = { maxBytes: 25 * 1024 * 1024, maxDurationSec: 600 };

export function rms(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
  return to > from ? Math.sqrt(sum / (to - from)) : 0;
}

export const db = (ratio: number): number => 20 * Math.log10(ratio);

/** Magnitude of one frequency (Goertzel-style single DFT bin), normalised to the sine amplitude. */
export function toneAmplitude(samples: Float32Array, sampleRate: number, hz: number, from = 0, to = samples.length): number {
  let re = 0;
  let im = 0;
  for (let i = from; i < to; i++) {
    const phase = (2 * Math.PI * hz * i) / sampleRate;
    re += samples[i]! * Math.cos(phase);
    im -= samples[i]! * Math.sin(phase);
  }
  return (2 * Math.hypot(re, im)) / (to - from);
}

export function sine(hz: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

/** Awaits `promise` and checks it rejected with a UserError of `code`; returns it for message checks. */
export async function expectUserError(promise: Promise<unknown>, code: UserErrorCode): Promise<Error> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isUserError(error), `expected a UserError, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as Error;
}

/** Deterministic PRNG (mulberry32) so fuzz failures reproduce. */
export { mulberry32 as prng } from '../../src/core/prng.ts';

/** A WAV file in the layout `format` describes, from mono samples copied to every channel. */
export function makeWav(
  samples: Float32Array,
  sampleRate: number,
  format: { bits: 8 | 16 | 24 | 32; float?: boolean; channels?: number; extensible?: boolean },
): Uint8Array {
  const channels = format.channels ?? 1;
  const bytesPerSample = format.bits / 8;
  const blockAlign = channels * bytesPerSample;
  const fmtSize = format.extensible ? 40 : 16;
  const dataSize = samples.length * blockAlign;
  const out = new Uint8Array(12 + 8 + fmtSize + 8 + dataSize);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string): void => s.split('').forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  const tag = format.float ? 3 : 1;
  text(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, format.extensible ? 0xfffe : tag, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, format.bits, true);
  if (format.extensible) {
    view.setUint16(36, 22, true);
    view.setUint16(38, format.bits, true);
    view.setUint16(44, tag, true); // SubFormat GUID starts with the format tag
  }
  const data = 20 + fmtSize;
  text(data, 'data');
  view.setUint32(data + 4, dataSize, true);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.max(-1, Math.min(1, samples[i]!));
    for (let c = 0; c < channels; c++) {
      const at = data + 8 + i * blockAlign + c * bytesPerSample;
      if (format.float) view.setFloat32(at, v, true);
      else if (format.bits === 8) view.setUint8(at, Math.round(v * 127) + 128);
      else if (format.bits === 16) view.setInt16(at, Math.round(v * 32767), true);
      else if (format.bits === 24) {
        const x = Math.round(v * 8388607);
        view.setUint8(at, x & 0xff);
        view.setInt16(at + 1, x >> 8, true);
      } else view.setInt32(at, Math.round(v * 2147483647), true);
    }
  }
  return out;
}
