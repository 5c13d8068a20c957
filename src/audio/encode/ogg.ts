/**
 * An Ogg page writer for one logical Opus stream (RFC 3533 framing, RFC 7845 mapping): the ID header
 * alone on the first page (BOS), the comment header on its own page, then audio pages whose granule
 * position counts 48 kHz samples (pre-skip included); the last page is flagged EOS and its granule
 * position trims the encoder's padding.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32: polynomial 0x04C11DB7, MSB first, initial value 0, no final XOR. */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

const FLAG_BOS = 0x02;
const FLAG_EOS = 0x04;
/** Lacing values per page (a u8 count). */
const MAX_SEGMENTS = 255;

export interface OggPacket {
  readonly data: Uint8Array;
  /** Granule position after this packet (for Opus: 48 kHz samples including pre-skip). */
  readonly granule: bigint;
}

export class OggWriter {
  readonly #pages: Uint8Array[] = [];
  #sequence = 0;

  constructor(private readonly serial: number) {}

  /** Writes `packets` as one page; every packet must fit in it (callers keep pages small). */
  page(packets: readonly OggPacket[], options: { first?: boolean; last?: boolean } = {}): void {
    const lacing: number[] = [];
    for (const { data } of packets) {
      for (let left = data.length; ; left -= 255) {
        lacing.push(Math.min(left, 255));
        if (left < 255) break;
      }
    }
    if (lacing.length > MAX_SEGMENTS) throw new RangeError(`an Ogg page holds at most ${MAX_SEGMENTS} segments, got ${lacing.length}`);
    const bodySize = packets.reduce((sum, packet) => sum + packet.data.length, 0);
    const page = new Uint8Array(27 + lacing.length + bodySize);
    const view = new DataView(page.buffer);
    page.set([0x4f, 0x67, 0x67, 0x53]); // "OggS"
    page[5] = (options.first ? FLAG_BOS : 0) | (options.last ? FLAG_EOS : 0);
    view.setBigInt64(6, packets.at(-1)?.granule ?? -1n, true);
    view.setUint32(14, this.serial, true);
    view.setUint32(18, this.#sequence++, true);
    page[26] = lacing.length;
    page.set(lacing, 27);
    let at = 27 + lacing.length;
    for (const { data } of packets) {
      page.set(data, at);
      at += data.length;
    }
    view.setUint32(22, oggCrc(page), true);
    this.#pages.push(page);
  }

  /** Segments a packet would take on a page. */
  static segments(packet: Uint8Array): number {
    return Math.floor(packet.length / 255) + 1;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.#pages.reduce((sum, page) => sum + page.length, 0));
    let at = 0;
    for (const page of this.#pages) {
      out.set(page, at);
      at += page.length;
    }
    return out;
  }
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** The Opus ID header (RFC 7845 5.1): version 1, channel mapping family 0. */
export function opusHead(channels: number, preSkip: number, inputSampleRate: number): Uint8Array {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(ascii('OpusHead'));
  head[8] = 1;
  head[9] = channels;
  view.setUint16(10, preSkip, true);
  view.setUint32(12, inputSampleRate, true);
  view.setInt16(16, 0, true); // output gain
  head[18] = 0; // mapping family 0: mono or stereo, no mapping table
  return head;
}

/** The Opus comment header (RFC 7845 5.2). */
export function opusTags(vendor: string, comments: readonly string[] = []): Uint8Array {
  const encoder = new TextEncoder();
  const parts = [
    ascii('OpusTags'),
    lengthPrefixed(encoder.encode(vendor)),
    u32(comments.length),
    ...comments.map((c) => lengthPrefixed(encoder.encode(c))),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + bytes.length);
  out.set(u32(bytes.length));
  out.set(bytes, 4);
  return out;
}
