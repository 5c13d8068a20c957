import { describe, expect, it } from 'vitest';
import { encodeOggOpus, OPUS_RATE, oggCrc } from '../../../src/audio/encode/index.ts';
import { ascii, parsePages, sine } from './pages.ts';

describe('Ogg/Opus writer (RFC 3533 / RFC 7845)', () => {
  it("GIVEN the standard check string THEN Ogg's CRC-32 (poly 0x04C11DB7, init 0, no final XOR) matches", () => {
    expect(oggCrc(new TextEncoder().encode('123456789'))).toBe(0x89a1897f);
  });

  const samples = sine(440, OPUS_RATE, 2.345);
  const ogg = encodeOggOpus(samples, { inputSampleRate: 44100 });
  const pages = parsePages(ogg);

  it('GIVEN 2.345 s of audio THEN the ID header is alone on a BOS page, with pre-skip = the encoder lookahead', () => {
    const [first] = pages;
    expect(first?.flags).toBe(0x02);
    expect(first?.granule).toBe(0n);
    expect(first?.packets).toHaveLength(1);
    const head = first!.packets[0]!;
    const view = new DataView(head.buffer);
    expect(ascii(head, 0, 8)).toBe('OpusHead');
    expect([head.length, head[8], head[9], head[18]]).toEqual([19, 1, 1, 0]); // version 1, mono, mapping family 0
    expect(view.getUint16(10, true)).toBe(312); // libopus lookahead at 48 kHz (VoIP): 2.5 ms + 4 ms
    expect(view.getUint32(12, true)).toBe(44100);
  });

  it('THEN the comment header has its own page, and audio starts on a fresh page', () => {
    const tags = pages[1]!;
    expect(tags.granule).toBe(0n);
    expect(tags.packets).toHaveLength(1);
    expect(ascii(tags.packets[0]!, 0, 8)).toBe('OpusTags');
    expect(ascii(tags.packets[0]!, 12, 30)).toBe('kotodama (libopus)');
    expect(pages[2]!.packets[0]![0]).not.toBe(0x4f); // an Opus packet, not another header
  });

  it('THEN every page has a valid CRC, one serial, consecutive sequence numbers and rising granules', () => {
    for (const [index, page] of pages.entries()) {
      expect(oggCrc(page.zeroed)).toBe(page.crc);
      expect(page.sequence).toBe(index);
      expect(page.serial).toBe(pages[0]!.serial);
    }
    const granules = pages.slice(2).map((page) => page.granule);
    expect([...granules].sort((a, b) => (a < b ? -1 : 1))).toEqual(granules);
  });

  it('THEN 20 ms packets, about a second per page, and the EOS page granule = pre-skip + input samples', () => {
    const audio = pages.slice(2);
    const packets = audio.flatMap((page) => page.packets);
    expect(packets).toHaveLength(Math.ceil((samples.length + 312) / 960)); // 118: covers the lookahead
    expect(audio[0]!.packets).toHaveLength(50);
    expect(audio[0]!.granule).toBe(50n * 960n);
    const last = audio.at(-1)!;
    expect(last.flags).toBe(0x04);
    expect(last.granule).toBe(BigInt(312 + samples.length));
    expect(pages.filter((page) => page.flags & 0x04)).toHaveLength(1);
  });

  it('GIVEN no samples at all THEN it still writes a valid one-packet stream', () => {
    const empty = parsePages(encodeOggOpus(new Float32Array(0)));
    expect(empty).toHaveLength(3);
    expect(empty[2]!.granule).toBe(312n);
  });

  it('GIVEN the same audio twice THEN the bytes are identical (fixed serial)', () => {
    expect(encodeOggOpus(samples, { inputSampleRate: 44100 })).toEqual(ogg);
  });
});
