/**
 * Container/codec detection from magic bytes only: Discord file names and content types are whatever
 * the uploader's client chose, so they are never trusted.
 */
export type AudioFormat = 'ogg-opus' | 'ogg-vorbis' | 'wav' | 'mp3' | 'flac' | 'webm' | 'mp4' | 'aac-adts' | 'text' | 'unknown';

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Size of a leading ID3v2 tag (MP3s, and sometimes FLAC/AAC, start with one), or 0. */
export function id3Length(bytes: Uint8Array): number {
  if (!ascii(bytes, 0, 'ID3') || bytes.length < 10) return 0;
  let size = 0;
  for (let i = 6; i < 10; i++) size = (size << 7) | (bytes[i]! & 0x7f); // syncsafe integer
  return 10 + size + ((bytes[5]! & 0x10) !== 0 ? 10 : 0);
}

const MP3_KBPS = [
  [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // MPEG1 layer I
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // MPEG1 layer II
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // MPEG1 layer III
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], // MPEG2/2.5 layer I
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], // MPEG2/2.5 layers II, III
];
const MP3_RATES = [44100, 48000, 32000];

export interface MpegFrameHeader {
  sampleRate: number;
  channels: number;
  samplesPerFrame: number;
  frameLength: number;
  /** Offset of a Xing/Info tag inside the frame (after the side information). */
  xingOffset: number;
}

/** Parses an MPEG audio frame header at `at`, or returns null when it is not one. */
export function mpegFrameHeader(bytes: Uint8Array, at: number): MpegFrameHeader | null {
  if (at + 4 > bytes.length) return null;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 0: MPEG2.5, 2: MPEG2, 3: MPEG1
  const layer = 4 - ((b1 >> 1) & 3); // 4 means "reserved" (the ADTS pattern)
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const table = mpeg1 ? layer - 1 : layer === 1 ? 3 : 4;
  const kbps = MP3_KBPS[table]![bitrateIndex]!;
  const sampleRate = MP3_RATES[rateIndex]! / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const padding = (b2 >> 1) & 1;
  const channels = bytes[at + 3]! >> 6 === 3 ? 1 : 2;
  const samplesPerFrame = layer === 1 ? 384 : layer === 2 || mpeg1 ? 1152 : 576;
  const frameLength =
    layer === 1
      ? (Math.floor((12 * kbps * 1000) / sampleRate) + padding) * 4
      : Math.floor(((samplesPerFrame / 8) * kbps * 1000) / sampleRate) + padding;
  const sideInfo = mpeg1 ? (channels === 1 ? 17 : 32) : channels === 1 ? 9 : 17;
  return { sampleRate, channels, samplesPerFrame, frameLength, xingOffset: 4 + sideInfo };
}

function isAdts(bytes: Uint8Array, at: number): boolean {
  // 12-bit sync, layer bits 00, valid sampling-frequency index.
  return bytes[at] === 0xff && ((bytes[at + 1] ?? 0) & 0xf6) === 0xf0 && (((bytes[at + 2] ?? 0xff) >> 2) & 0xf) < 13;
}

/** True when the start of the buffer is (nearly) all printable UTF-8 text. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  if (sample.length === 0) return false;
  let text: string | null = null;
  // The sample may end inside a multi-byte character: retry with up to 3 bytes dropped.
  for (let cut = 0; cut < 4 && text === null; cut++) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
    } catch {
      text = null;
    }
  }
  if (text === null || text.length === 0) return false;
  let control = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  return control <= text.length * 0.01;
}

export function sniffAudio(bytes: Uint8Array): AudioFormat {
  if (ascii(bytes, 0, 'OggS') && bytes.length > 27) {
    const packet = 27 + bytes[26]!; // first packet follows the segment table
    if (ascii(bytes, packet, 'OpusHead')) return 'ogg-opus';
    if (bytes[packet] === 1 && ascii(bytes, packet + 1, 'vorbis')) return 'ogg-vorbis';
    return 'unknown';
  }
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (ascii(bytes, 0, 'fLaC')) return 'flac';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (ascii(bytes, 4, 'ftyp')) return 'mp4';
  const id3 = id3Length(bytes);
  if (id3 > 0) {
    if (ascii(bytes, id3, 'fLaC')) return 'flac';
    return isAdts(bytes, id3) ? 'aac-adts' : 'mp3';
  }
  if (isAdts(bytes, 0)) return 'aac-adts';
  const frame = mpegFrameHeader(bytes, 0);
  // A lone 0xFFEx pair is common in random binary data: confirm with the next frame when it is present.
  if (frame && (frame.frameLength >= bytes.length - 4 || mpegFrameHeader(bytes, frame.frameLength))) return 'mp3';
  return looksLikeText(bytes) ? 'text' : 'unknown';
}
