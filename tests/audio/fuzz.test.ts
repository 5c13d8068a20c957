import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../src/core/errors.ts';
import { decodeAudio } from '../../src/audio/index.ts';
import { fixture, prng } from './helpers.ts';

const SOURCES = [
  'voice-en.ogg',
  'speech-en.mp3',
  'speech-en.wav',
  'speech-en.flac',
  'tone-440-stereo-44k.wav',
  'silence.ogg',
  'speech-en.m4a',
].map(fixture);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const MAGIC = [
  [...ascii('OggS'), 0, 2, ...Array<number>(20).fill(0), 1, 19, ...ascii('OpusHead'), 1, 2],
  [...ascii('RIFF'), 0xff, 0xff, 0xff, 0x7f, ...ascii('WAVEfmt '), 16, 0, 0, 0, 1, 0, 2, 0],
  [...ascii('fLaC'), 0, 0, 0, 34],
  [...ascii('ID3'), 4, 0, 0, 0, 0, 1, 0],
  [0xff, 0xfb, 0x90, 0x64],
  [0x1a, 0x45, 0xdf, 0xa3],
  [0, 0, 0, 0x20, ...ascii('ftypM4A ')],
];

/** One seeded hostile input: noise, a forged header, or a real file truncated, mutated or spliced. */
function makeCase(random: () => number, i: number): Uint8Array {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const noise = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const source = pick(SOURCES);
  switch (i % 5) {
    case 0:
      return noise(Math.floor(random() * 2048));
    case 1:
      return Uint8Array.from([...pick(MAGIC), ...noise(Math.floor(random() * 4096))]);
    case 2:
      return source.slice(0, Math.floor(random() * source.length));
    case 3: {
      const copy = source.slice();
      for (let n = 1 + Math.floor(random() * 32); n > 0; n--) {
        copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      }
      return copy;
    }
    default: {
      const a = Math.floor(random() * source.length);
      const b = Math.min(source.length, a + Math.floor(random() * 4096));
      const duplicate = random() < 0.5;
      const rest = duplicate ? source.subarray(a) : source.subarray(b + (b - a)); // repeat or drop a slice
      return Uint8Array.from([...source.subarray(0, b), ...rest]);
    }
  }
}

const TIMEOUT = Symbol('timeout');

/** A TypeError or ReferenceError thrown by kotodama's own code (not a decoder's): a bug, not a bad file. */
function ownBug(cause: unknown): string | undefined {
  if (!(cause instanceof TypeError || cause instanceof ReferenceError)) return undefined;
  const frame = cause.stack?.split('\n').find((line) => line.includes(' at '));
  return frame?.includes('/src/') && !frame.includes('node_modules') ? frame : undefined;
}

describe('hostile input', () => {
  // The WASM FLAC decoder logs every bad frame with console.error; keep the test output readable.
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterAll(() => vi.restoreAllMocks());

  it('GIVEN 200 random, truncated and mutated buffers THEN each resolves or rejects with a UserError in time', async () => {
    const random = prng(20240611);
    const outcomes = { decoded: 0, refused: 0 };
    for (let i = 0; i < 200; i++) {
      const bytes = makeCase(random, i);
      // Most cases stay in-process; every tenth goes through ffmpeg (if installed) to exercise that path too.
      const options = i % 10 === 9 ? {} : { ffmpegPath: null };
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        decodeAudio(bytes, { maxBytes: 1 << 20, maxDurationSec: 30 }, options).then(
          () => 'decoded' as const,
          (error: unknown) => error,
        ),
        new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), 15_000))),
      ]);
      clearTimeout(timer);
      if (result === 'decoded') outcomes.decoded++;
      else {
        expect(result, `case ${i} (${bytes.length} bytes) hung`).not.toBe(TIMEOUT);
        expect(isUserError(result), `case ${i} threw ${String(result)}`).toBe(true);
        // decodeAudio calls every unexpected error "corrupt": a bug of ours must not hide behind that message.
        expect(ownBug((result as Error).cause), `case ${i}: ${String((result as Error).cause)}`).toBeUndefined();
        outcomes.refused++;
      }
    }
    // Both branches must be exercised, or the generator is not testing anything.
    expect(outcomes.decoded).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 180_000);
});
