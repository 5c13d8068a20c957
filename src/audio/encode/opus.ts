/**
 * Mono 48 kHz PCM -> Ogg/Opus bytes, the format of a Discord voice message (clients record mono 48 kHz
 * at ~32 kbit/s). libopus via @evan/opus (bundled binaries / WebAssembly, nothing fetched at install);
 * the Ogg framing is ours (`ogg.ts`).
 */
import { Encoder } from '@evan/opus';
import { OggWriter, opusHead, opusTags, type OggPacket } from './ogg.ts';

export const OPUS_RATE = 48_000;
/** 20 ms frames, the usual choice for speech. */
const FRAME = 960;
/** About one second of audio per page, so a player can seek and stream it. */
const PACKETS_PER_PAGE = 50;
const OPUS_GET_LOOKAHEAD = 4027;
const OPUS_SET_SIGNAL = 4024;
const OPUS_SIGNAL_VOICE = 3001;

export interface OpusOptions {
  /** Target bitrate in bit/s (default 32 000). */
  readonly bitrate?: number;
  /** Recorded in the ID header for players that show it (the audio is 48 kHz either way). */
  readonly inputSampleRate?: number;
  /** Ogg stream serial number (default fixed, so the same audio gives the same bytes). */
  readonly serial?: number;
}

function toInt16(samples: Float32Array, from: number, into: Int16Array): void {
  for (let i = 0; i < into.length; i++) {
    const s = samples[from + i] ?? 0;
    into[i] = s >= 1 ? 32767 : s <= -1 ? -32768 : Math.round(s * 32767);
  }
}

/** Encodes mono 48 kHz samples (clipped to [-1, 1]) as an Ogg/Opus file. */
export function encodeOggOpus(samples: Float32Array, options: OpusOptions = {}): Uint8Array {
  const encoder = new Encoder({ channels: 1, sample_rate: OPUS_RATE, application: 'voip' });
  try {
    encoder.ctl(OPUS_SET_SIGNAL, OPUS_SIGNAL_VOICE);
    encoder.bitrate = options.bitrate ?? 32_000;
    const preSkip = encoder.ctl(OPUS_GET_LOOKAHEAD);
    const ogg = new OggWriter(options.serial ?? 0x6b6f746f);
    ogg.page([{ data: opusHead(1, preSkip, options.inputSampleRate ?? OPUS_RATE), granule: 0n }], { first: true });
    ogg.page([{ data: opusTags('kotodama (libopus)'), granule: 0n }]);

    // Enough frames to push the last real sample out of the encoder's lookahead; the final granule trims the rest.
    const frames = Math.max(1, Math.ceil((samples.length + preSkip) / FRAME));
    const end = BigInt(preSkip + samples.length);
    const pcm = new Int16Array(FRAME);
    let page: OggPacket[] = [];
    let segments = 0;
    for (let frame = 0; frame < frames; frame++) {
      toInt16(samples, frame * FRAME, pcm);
      const data = encoder.encode(pcm);
      const last = frame === frames - 1;
      const granule = last ? end : BigInt((frame + 1) * FRAME);
      if (page.length === PACKETS_PER_PAGE || segments + OggWriter.segments(data) > 255) {
        ogg.page(page);
        [page, segments] = [[], 0];
      }
      page.push({ data, granule });
      segments += OggWriter.segments(data);
    }
    ogg.page(page, { last: true });
    return ogg.bytes();
  } finally {
    // `drop()` frees the native/WebAssembly state now instead of at garbage collection (missing from the typings).
    if ('drop' in encoder && typeof encoder.drop === 'function') encoder.drop();
  }
}
