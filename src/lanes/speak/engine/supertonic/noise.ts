/** Seeded Gaussian noise for the flow-matching start point, so the same request gives the same audio. */
import { mulberry32 } from '../../../../core/prng.ts';

/** FNV-1a over the UTF-16 code units: a stable 32-bit seed from the request. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** `count` standard-normal values (Box-Muller on mulberry32). */
export function gaussianNoise(count: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12)));
    const angle = 2 * Math.PI * random();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}
