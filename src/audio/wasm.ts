/**
 * In-process WASM decoders (Opus, Vorbis, MP3, FLAC), fed in chunks so decoded PCM goes straight into
 * the resampler instead of materialising the whole file at the source rate (10 min at 48 kHz = 115 MB).
 */
import { setImmediate as nextTick } from 'node:timers/promises';
import { id3Length } from './sniff.ts';

export type WasmFormat = 'ogg-opus' | 'ogg-vorbis' | 'mp3' | 'flac';

interface Decoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: unknown[];
}

interface WasmDecoder {
  ready: Promise<void>;
  decode(chunk: Uint8Array): Decoded | Promise<Decoded>;
  flush?: () => Promise<Decoded>;
  free(): void;
}

// Loaded lazily: the bot process never decodes audio and should not pay for the WASM modules.
async function createDecoder(format: WasmFormat): Promise<WasmDecoder> {
  switch (format) {
    case 'ogg-opus':
      return new (await import('ogg-opus-decoder')).OggOpusDecoder();
    case 'ogg-vorbis':
      return new (await import('@wasm-audio-decoders/ogg-vorbis')).OggVorbisDecoder();
    case 'flac':
      return new (await import('@wasm-audio-decoders/flac')).FLACDecoder();
    case 'mp3':
      return new (await import('mpg123-decoder')).MPEGDecoder();
  }
}

/**
 * codec-parser only emits a FLAC frame once it sees the next frame's header, and its flush() loses
 * the final (short) frame. Appending a copy of the first frame's header after the real data makes
 * the last frame emit normally; the copy itself is never decoded (we do not flush).
 */
function flacSentinel(bytes: Uint8Array): Uint8Array | null {
  let at = id3Length(bytes) + 4;
  for (let last = false; !last && at + 4 <= bytes.length;) {
    last = (bytes[at]! & 0x80) !== 0;
    at += 4 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  const isFrame = bytes[at] === 0xff && (bytes[at + 1]! & 0xfe) === 0xf8;
  return isFrame && at + 64 <= bytes.length ? bytes.slice(at, at + 64) : null;
}

export interface WasmDecodeResult {
  /** Frames the decoder reported as undecodable. */
  errorCount: number;
}

/**
 * Decodes `bytes`, handing every block of planar PCM to `onAudio`. Throws whatever the decoder or
 * `onAudio` throws; the caller maps it to a user-facing error. The decoder is always freed.
 */
export async function decodeWasm(
  format: WasmFormat,
  bytes: Uint8Array,
  onAudio: (channels: Float32Array[], frames: number, sampleRate: number) => void,
  signal?: AbortSignal,
  chunkBytes = 65536,
): Promise<WasmDecodeResult> {
  const decoder = await createDecoder(format);
  let errorCount = 0;
  const take = (decoded: Decoded): void => {
    errorCount += decoded.errors.length;
    if (decoded.samplesDecoded > 0) onAudio(decoded.channelData, decoded.samplesDecoded, decoded.sampleRate);
  };
  try {
    await decoder.ready;
    for (let at = 0; at < bytes.length; at += chunkBytes) {
      take(await decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + chunkBytes))));
      // Let timers and abort signals run between chunks: a long clip decodes for seconds.
      await nextTick();
      signal?.throwIfAborted();
    }
    const sentinel = format === 'flac' ? flacSentinel(bytes) : null;
    if (sentinel) take(await decoder.decode(sentinel));
    else if (decoder.flush) take(await decoder.flush());
    return { errorCount };
  } finally {
    try {
      decoder.free();
    } catch {
      // A decoder that failed half-way may not free cleanly; nothing more to release.
    }
  }
}
