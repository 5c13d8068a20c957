/** Test helper: splits an Ogg file into pages (header fields and packets), independently of the writer. */
export interface ParsedPage {
  flags: number;
  granule: bigint;
  serial: number;
  sequence: number;
  crc: number;
  packets: Uint8Array[];
  /** The page with its CRC field zeroed, to recompute the checksum. */
  zeroed: Uint8Array;
}

export function parsePages(bytes: Uint8Array): ParsedPage[] {
  const pages: ParsedPage[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let pending: number[] = [];
  while (at < bytes.length) {
    if (String.fromCharCode(...bytes.subarray(at, at + 4)) !== 'OggS') throw new Error(`no OggS at ${at}`);
    const count = bytes[at + 26]!;
    const lacing = bytes.subarray(at + 27, at + 27 + count);
    const size = 27 + count + lacing.reduce((a, b) => a + b, 0);
    const packets: Uint8Array[] = [];
    let body = at + 27 + count;
    for (const value of lacing) {
      pending.push(...bytes.subarray(body, body + value));
      body += value;
      if (value < 255) {
        packets.push(Uint8Array.from(pending));
        pending = [];
      }
    }
    const zeroed = bytes.slice(at, at + size);
    zeroed.fill(0, 22, 26);
    pages.push({
      flags: bytes[at + 5]!,
      granule: view.getBigInt64(at + 6, true),
      serial: view.getUint32(at + 14, true),
      sequence: view.getUint32(at + 18, true),
      crc: view.getUint32(at + 22, true),
      packets,
      zeroed,
    });
    at += size;
  }
  return pages;
}

export const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** A sine of `hz` at `rate` for `seconds`, amplitude `amp`. */
export function sine(hz: number, rate: number, seconds: number, amp = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
}
