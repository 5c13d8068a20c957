/**
 * Header-only stream facts (rate, channels, length) so limits can be enforced before a full decode,
 * and a cut-off upload can be told apart from a short clip.
 */
import { id3Length, mpegFrameHeader } from './sniff.ts';

export interface StreamInfo {
  sampleRate: number;
  channels: number;
  /** Length announced by the container, when it has one. */
  durationSec: number | null;
}

const OGG_MAX_PAGE = 27 + 255 + 255 * 255;

function oggPageLength(bytes: Uint8Array, at: number): number {
  const segments = bytes[at + 26]!;
  let body = 0;
  for (let i = 0; i < segments; i++) body += bytes[at + 27 + i] ?? 0;
  return 27 + segments + body;
}

/** Ogg Opus/Vorbis: identification header of the first page, length from the last page's granule. */
export function probeOgg(bytes: Uint8Array, codec: 'opus' | 'vorbis'): StreamInfo & { truncated: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packet = 27 + bytes[26]!;
  const serial = view.getUint32(14, true);
  const opus = codec === 'opus';
  if (packet + 19 > bytes.length) return { sampleRate: 0, channels: 0, durationSec: null, truncated: true };
  const channels = bytes[packet + (opus ? 9 : 11)]!;
  // Opus always decodes at 48 kHz (the header's "input rate" is informational only).
  const sampleRate = opus ? 48000 : view.getUint32(packet + 12, true);
  const preSkip = opus ? view.getUint16(packet + 10, true) : 0;
  // Scan back for the last page: if it does not fit in the file, the upload was cut off.
  const floor = Math.max(0, bytes.length - 4 * OGG_MAX_PAGE);
  for (let at = bytes.length - 27; at >= floor; at--) {
    if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53) continue;
    if (bytes[at + 4] !== 0) continue;
    if (at + oggPageLength(bytes, at) > bytes.length) {
      return { sampleRate, channels, durationSec: null, truncated: true };
    }
    const granule = view.getBigInt64(at + 6, true);
    if (granule < 0n || view.getUint32(at + 14, true) !== serial) continue; // no packet ends here / other stream
    const durationSec = sampleRate > 0 ? Math.max(0, Number(granule) - preSkip) / sampleRate : null;
    return { sampleRate, channels, durationSec, truncated: false };
  }
  return { sampleRate, channels, durationSec: null, truncated: false };
}

/** FLAC STREAMINFO (always the first metadata block). */
export function probeFlac(bytes: Uint8Array): StreamInfo | null {
  const start = id3Length(bytes) + 4;
  if (start + 4 + 34 > bytes.length || (bytes[start]! & 0x7f) !== 0) return null;
  const s = start + 4;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sampleRate = (view.getUint32(s + 10) >>> 12) & 0xfffff;
  const channels = ((bytes[s + 12]! >> 1) & 7) + 1;
  const totalSamples = (bytes[s + 13]! & 0x0f) * 2 ** 32 + view.getUint32(s + 14);
  const durationSec = totalSamples > 0 && sampleRate > 0 ? totalSamples / sampleRate : null;
  return { sampleRate, channels, durationSec };
}

/** MP3: first frame header, length from a Xing/Info tag's frame count (VBR-safe) when present. */
export function probeMp3(bytes: Uint8Array): StreamInfo | null {
  const start = id3Length(bytes);
  // Tolerate a little junk between the ID3 tag and the first frame.
  for (let at = start; at < Math.min(bytes.length, start + 4096); at++) {
    const header = mpegFrameHeader(bytes, at);
    if (!header) continue;
    const { sampleRate, channels, samplesPerFrame, xingOffset } = header;
    const tag = at + xingOffset;
    let durationSec: number | null = null;
    if (tag + 12 <= bytes.length) {
      const id = String.fromCharCode(...bytes.subarray(tag, tag + 4));
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if ((id === 'Xing' || id === 'Info') && (view.getUint32(tag + 4) & 1) !== 0) {
        durationSec = (view.getUint32(tag + 8) * samplesPerFrame) / sampleRate;
      }
    }
    return { sampleRate, channels, durationSec };
  }
  return null;
}
