/**
 * RIFF/WAVE parsing in TypeScript: PCM 8/16/24/32-bit integer, 32-bit float, WAVE_FORMAT_EXTENSIBLE.
 * Anything else (A-law, ADPCM, ...) is reported as `supported: false` so the caller can try ffmpeg.
 */
import type { UserError } from '../core/errors.ts';
import { audioErrors } from './errors.ts';
import type { Resampler } from './resample.ts';

export interface WavInfo {
  supported: boolean;
  float: boolean;
  bits: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  dataOffset: number;
  /** Whole frames in the data chunk that are present in the file. */
  frames: number;
  durationSec: number;
}

const corrupt = (): UserError => audioErrors.corruptWav();

export function parseWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavInfo, 'dataOffset' | 'frames' | 'durationSec'> | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.length) {
      let tag = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the SubFormat GUID.
      if (tag === 0xfffe && size >= 40 && body + 26 <= bytes.length) tag = view.getUint16(body + 24, true);
      const bits = view.getUint16(body + 14, true);
      const float = tag === 3;
      fmt = {
        float,
        bits,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        supported: (tag === 1 && [8, 16, 24, 32].includes(bits)) || (float && bits === 32),
      };
    } else if (id === 'data') {
      if (!fmt) throw corrupt();
      const { channels, blockAlign, sampleRate } = fmt;
      const validLayout = channels > 0 && blockAlign === (channels * fmt.bits) / 8;
      if (fmt.supported && (!validLayout || sampleRate < 1000 || sampleRate > 1_000_000)) throw corrupt();
      const available = bytes.length - body;
      // Streaming writers leave the size at 0 or 0xFFFFFFFF: then the data runs to the end of the file.
      const declared = size === 0 || size === 0xffffffff ? available : size;
      if (declared > available + blockAlign) throw corrupt(); // cut off mid-upload
      const frames = blockAlign > 0 ? Math.floor(Math.min(declared, available) / blockAlign) : 0;
      return { ...fmt, dataOffset: body, frames, durationSec: sampleRate > 0 ? frames / sampleRate : 0 };
    }
    at = body + size + (size & 1); // chunks are padded to even sizes
  }
  throw corrupt();
}

/** Converts the data chunk to mono float blocks and feeds them straight into the resampler. */
export function pushWav(bytes: Uint8Array, info: WavInfo, resampler: Resampler, blockFrames = 32768): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { channels, blockAlign, bits, float } = info;
  const bytesPerSample = bits / 8;
  const scale = 1 / channels;
  for (let start = 0; start < info.frames; start += blockFrames) {
    const n = Math.min(blockFrames, info.frames - start);
    resampler.pushWith(n, (out) => {
      for (let i = 0; i < n; i++) {
        const frame = info.dataOffset + (start + i) * blockAlign;
        let sum = 0;
        for (let c = 0; c < channels; c++) {
          const at = frame + c * bytesPerSample;
          if (float) sum += view.getFloat32(at, true);
          else if (bits === 16) sum += view.getInt16(at, true) / 32768;
          else if (bits === 8)
            sum += (bytes[at]! - 128) / 128; // 8-bit WAV is unsigned
          else if (bits === 24) {
            // Shift the 24-bit value into the top of an int32 so the sign comes for free.
            sum += ((bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) << 8) / 2147483648;
          } else sum += view.getInt32(at, true) / 2147483648;
        }
        out[i] = sum * scale;
      }
    });
  }
}
