/**
 * Bytes in, 16 kHz mono Float32Array out. Every failure a user can cause becomes a UserError; limits
 * are checked on the byte size, then on the container's announced length, then while decoding.
 */
import { isUserError } from '../core/errors.ts';
import { decodeWithFfmpeg } from './ffmpeg.ts';
import { audioErrors } from './errors.ts';
import { probeFlac, probeMp3, probeOgg, type StreamInfo } from './probe.ts';
import { Resampler, TARGET_SAMPLE_RATE } from './resample.ts';
import { sniffAudio, type AudioFormat } from './sniff.ts';
import { decodeWasm, type WasmFormat } from './wasm.ts';
import type { AudioLimits, DecodedAudio, DecodeOptions } from './types.ts';
import { parseWav, pushWav } from './wav.ts';

export type { AudioLimits, DecodedAudio, DecodeOptions } from './types.ts';

export async function decodeAudio(bytes: Uint8Array, limits: AudioLimits, options: DecodeOptions = {}): Promise<DecodedAudio> {
  try {
    options.signal?.throwIfAborted();
    if (bytes.length === 0) throw audioErrors.empty();
    if (bytes.length > limits.maxBytes) throw audioErrors.tooLarge(bytes.length, limits.maxBytes);
    const decoded = await decodeFormat(sniffAudio(bytes), bytes, limits, options);
    if (decoded.samples.length === 0 || decoded.durationSec === 0) throw audioErrors.silentFile();
    if (decoded.durationSec > limits.maxDurationSec) {
      throw audioErrors.tooLong(decoded.durationSec, limits.maxDurationSec);
    }
    return decoded;
  } catch (error) {
    if (isUserError(error)) throw error;
    if (options.signal?.aborted) throw audioErrors.cancelled();
    // Decoders throw plain Errors (or WASM traps) on malformed input: that is the file's fault.
    const wrapped = audioErrors.corrupt();
    wrapped.cause = error;
    throw wrapped;
  }
}

function checkAnnounced(info: StreamInfo | null, limits: AudioLimits): void {
  const announced = info?.durationSec ?? null;
  if (announced !== null && announced > limits.maxDurationSec) {
    throw audioErrors.tooLong(announced, limits.maxDurationSec);
  }
}

async function decodeFormat(format: AudioFormat, bytes: Uint8Array, limits: AudioLimits, options: DecodeOptions): Promise<DecodedAudio> {
  switch (format) {
    case 'text':
      throw audioErrors.text();
    case 'wav': {
      const info = parseWav(bytes);
      if (!info.supported) return decodeWithFfmpeg(format, bytes, limits, options);
      checkAnnounced(info, limits);
      const resampler = new Resampler(info.sampleRate, info.frames);
      pushWav(bytes, info, resampler);
      return result(format, resampler, info.channels);
    }
    case 'ogg-opus':
    case 'ogg-vorbis': {
      const info = probeOgg(bytes, format === 'ogg-opus' ? 'opus' : 'vorbis');
      if (info.truncated) throw audioErrors.truncated();
      return decodeInProcess(format, bytes, info, limits, options.signal);
    }
    case 'flac':
      return decodeInProcess(format, bytes, probeFlac(bytes), limits, options.signal);
    case 'mp3':
      return decodeInProcess(format, bytes, probeMp3(bytes), limits, options.signal);
    default:
      return decodeWithFfmpeg(format, bytes, limits, options);
  }
}

function result(format: AudioFormat, resampler: Resampler, channels: number): DecodedAudio {
  const durationSec = resampler.inputFrames / resampler.sourceRate;
  return {
    samples: resampler.finish(),
    sampleRate: TARGET_SAMPLE_RATE,
    durationSec,
    sourceFormat: format,
    sourceSampleRate: resampler.sourceRate,
    sourceChannels: channels,
  };
}

async function decodeInProcess(
  format: WasmFormat,
  bytes: Uint8Array,
  info: StreamInfo | null,
  limits: AudioLimits,
  signal: AbortSignal | undefined,
): Promise<DecodedAudio> {
  checkAnnounced(info, limits);
  // Held in an object: TypeScript does not track assignments made inside the callback.
  const state: { resampler: Resampler | null; channels: number } = { resampler: null, channels: 0 };
  const { errorCount } = await decodeWasm(
    format,
    bytes,
    (channels, frames, sampleRate) => {
      state.resampler ??= new Resampler(sampleRate, (info?.durationSec ?? 0) * sampleRate);
      if (sampleRate !== state.resampler.sourceRate) throw audioErrors.corrupt(); // rate change mid-stream
      state.channels = Math.max(state.channels, channels.length);
      state.resampler.pushChannels(channels, frames);
      // Headers can lie (or be absent): stop as soon as the decoded audio passes the limit. The true
      // length is unknown at this point, so the message only says "longer than".
      if (state.resampler.inputFrames > limits.maxDurationSec * sampleRate) {
        throw audioErrors.tooLong(null, limits.maxDurationSec);
      }
    },
    signal,
  );
  const { resampler } = state;
  if (!resampler) throw errorCount > 0 ? audioErrors.corrupt() : audioErrors.silentFile();
  const decodedSec = resampler.inputFrames / resampler.sourceRate;
  // Tolerate the odd damaged frame (about one per second), not a file that is mostly garbage.
  if (errorCount > 3 + decodedSec) throw audioErrors.corrupt();
  // Much shorter than announced: the file was cut off (slack covers MP3 encoder delay and padding).
  const announced = info?.durationSec ?? null;
  if (announced !== null && decodedSec < announced * 0.98 - 0.5) throw audioErrors.truncated();
  // Header channels first: mpg123 always outputs two channels, even for mono MP3s.
  return result(format, resampler, info?.channels || state.channels);
}
