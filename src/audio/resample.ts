/**
 * Streaming downmix + band-limited resampling to 16 kHz (Whisper's input rate), in pure TypeScript.
 *
 * Polyphase windowed-sinc (see fir.ts): the low-pass sits just under the smaller Nyquist so nothing
 * above 8 kHz folds back into the speech band. Input arrives in blocks and only one filter length of
 * history is kept, so memory stays at the caller's input block plus the output buffer.
 */
import { designFilter, dot, dotSymmetric, type PolyphaseFilter } from './fir.ts';

export const TARGET_SAMPLE_RATE = 16000;
/** Above this many phases (odd rates such as 44 101 Hz) the fractional position is quantised. */
const MAX_PHASES = 4096;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class Resampler {
  private readonly up: number;
  private readonly down: number;
  private readonly filter: PolyphaseFilter;
  private readonly passthrough: boolean;
  /** Mono input window: buf[0] is absolute input index `base`. */
  private buf = new Float32Array(0);
  private len = 0;
  private base = 0;
  /** Next output sample's input position: integer part `pos`, fractional part `rem / up`. */
  private pos = 0;
  private rem = 0;
  private out: Float32Array;
  private outLen = 0;
  private frames = 0;

  constructor(
    readonly sourceRate: number,
    expectedInputFrames = 0,
    readonly targetRate: number = TARGET_SAMPLE_RATE,
  ) {
    if (!Number.isInteger(sourceRate) || sourceRate < 1000 || sourceRate > 1_000_000) {
      throw new RangeError(`unsupported sample rate ${sourceRate}`);
    }
    const g = gcd(targetRate, sourceRate);
    this.up = targetRate / g;
    this.down = sourceRate / g;
    this.passthrough = sourceRate === targetRate; // already 16 kHz: no filtering at all
    this.filter = designFilter(sourceRate, targetRate, Math.min(this.up, MAX_PHASES));
    const expectedOut = Math.ceil((Math.max(0, expectedInputFrames) * this.up) / this.down);
    this.out = new Float32Array(Math.min(Math.max(1024, expectedOut + 16), 1 << 26));
    if (!this.passthrough) {
      // Zero history so the first output (input instant 0) sees a full filter window.
      this.len = this.filter.half - 1;
      this.base = -this.len;
      this.ensure(this.len);
    }
  }

  /** Input frames consumed so far (per channel). */
  get inputFrames(): number {
    return this.frames;
  }

  /** Appends planar channels (averaged to mono) and produces every output sample they allow. */
  pushChannels(channels: readonly Float32Array[], frames = channels[0]?.length ?? 0): void {
    const first = channels[0];
    if (frames <= 0 || !first) return;
    this.pushWith(frames, (dst) => {
      dst.set(first.subarray(0, frames));
      for (let c = 1; c < channels.length; c++) {
        const src = channels[c]!;
        for (let i = 0; i < frames; i++) dst[i]! += src[i]!;
      }
      if (channels.length > 1) {
        const scale = 1 / channels.length;
        for (let i = 0; i < frames; i++) dst[i]! *= scale;
      }
    });
  }

  /** Appends `n` mono samples written in place by `fill` (saves a temporary copy for WAV). */
  pushWith(n: number, fill: (window: Float32Array) => void): void {
    if (n <= 0) return;
    this.ensure(this.len + n);
    fill(this.buf.subarray(this.len, this.len + n));
    this.len += n;
    this.frames += n;
    this.produce();
  }

  /** Flushes the tail (zero padding after the last input) and returns the 16 kHz signal. */
  finish(): Float32Array {
    if (!this.passthrough) {
      const pad = this.filter.half + 1;
      this.ensure(this.len + pad);
      this.buf.fill(0, this.len, this.len + pad);
      this.len += pad;
      this.produce(Math.ceil((this.frames * this.up) / this.down));
    }
    const result = this.out.subarray(0, this.outLen);
    // Hand back a right-sized copy only when the over-allocation is large.
    return this.out.length > this.outLen * 1.25 ? result.slice() : result;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.buf.length) return;
    const grown = new Float32Array(Math.max(capacity, this.buf.length * 2, 4096));
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
  }

  private reserveOutput(extra: number): void {
    if (this.outLen + extra <= this.out.length) return;
    const grown = new Float32Array(Math.max(this.outLen + extra, this.out.length * 2));
    grown.set(this.out.subarray(0, this.outLen));
    this.out = grown;
  }

  private produce(limit = Infinity): void {
    if (this.passthrough) {
      this.reserveOutput(this.len);
      this.out.set(this.buf.subarray(0, this.len), this.outLen);
      this.outLen += this.len;
      this.len = 0;
      return;
    }
    const { up, buf } = this;
    const { table, taps, half, phases } = this.filter;
    const step = Math.floor(this.down / up);
    const remStep = this.down % up;
    const last = this.base + this.len - 1 - half; // largest position whose window is fully buffered
    // Outputs k = 0.. whose integer position pos + floor((rem + k·down) / up) is still <= last.
    const available = Math.floor(((last - this.pos + 1) * up - this.rem - 1) / this.down) + 1;
    const count = Math.max(0, Math.min(available, limit - this.outLen));
    this.reserveOutput(count);
    const out = this.out;
    let { pos, rem, outLen } = this;
    for (let n = 0; n < count; n++) {
      const phase = phases === up ? rem : Math.floor((rem * phases) / up);
      out[outLen++] =
        up === 1 ? dotSymmetric(buf, pos - this.base, table, half - 1) : dot(buf, pos - half + 1 - this.base, table, phase * taps, taps);
      pos += step;
      rem += remStep;
      if (rem >= up) {
        rem -= up;
        pos++;
      }
    }
    this.pos = pos;
    this.rem = rem;
    this.outLen = outLen;
    // Drop input that no future output window can reach.
    const keepFrom = Math.min(pos - half + 1 - this.base, this.len);
    if (keepFrom > 0) {
      buf.copyWithin(0, keepFrom, this.len);
      this.len -= keepFrom;
      this.base += keepFrom;
    }
  }
}

/** One-shot helper: downmix planar channels and resample them to 16 kHz, block by block. */
export function resampleTo16k(channels: readonly Float32Array[], sourceRate: number, block = 65536): Float32Array {
  const frames = channels[0]?.length ?? 0;
  const resampler = new Resampler(sourceRate, frames);
  for (let start = 0; start < frames; start += block) {
    const end = Math.min(frames, start + block);
    resampler.pushChannels(
      channels.map((c) => c.subarray(start, end)),
      end - start,
    );
  }
  return resampler.finish();
}
