/**
 * Micro-batching of embedding requests: concurrent FAQ jobs in one worker each ask for their query's vector; the
 * requests that arrive within `waitMs` of the first one share one forward pass. On a CPU a batch of 8 short
 * sentences costs little more than one, so under load this multiplies throughput; alone, a job waits `waitMs`.
 * Passes never overlap: what arrives during one waits for the next, which then carries everything queued so far.
 */

import type { EmbedFn } from '../../inference/embed.ts';

export type { EmbedFn } from '../../inference/embed.ts';

interface Waiting {
  readonly texts: readonly string[];
  readonly resolve: (vectors: Float32Array[]) => void;
  readonly reject: (error: unknown) => void;
}

export class EmbedBatcher {
  #waiting: Waiting[] = [];
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  /**
   * @param embed One forward pass over `texts`, returning one normalised vector per text in order.
   * @param waitMs How long the first request waits for company.
   * @param maxBatch Largest forward pass (longer lists are split): bounds the memory of one pass.
   */
  constructor(
    private readonly embed: EmbedFn,
    private readonly waitMs: number,
    private readonly maxBatch = 32,
  ) {}

  /** The vectors of `texts`, in order, computed in a shared forward pass. */
  vectors(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ texts, resolve, reject });
      this.#schedule(this.waitMs);
    });
  }

  #schedule(delayMs: number): void {
    if (this.#running || this.#timer) return;
    this.#timer = setTimeout(() => void this.#flush(), delayMs);
  }

  async #flush(): Promise<void> {
    this.#timer = undefined;
    const batch = this.#waiting;
    this.#waiting = [];
    this.#running = true;
    try {
      const unique = [...new Set(batch.flatMap((w) => w.texts))];
      const byText = new Map<string, Float32Array>();
      for (let start = 0; start < unique.length; start += this.maxBatch) {
        const chunk = unique.slice(start, start + this.maxBatch);
        const vectors = await this.embed(chunk);
        chunk.forEach((text, i) => byText.set(text, vectors[i] as Float32Array));
      }
      for (const waiting of batch) waiting.resolve(waiting.texts.map((text) => byText.get(text) as Float32Array));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.#running = false;
      // Whatever queued up during the pass has waited long enough already.
      if (this.#waiting.length) this.#schedule(0);
    }
  }
}
