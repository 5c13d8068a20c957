/**
 * Dense similarity with a sentence-embedding model: vectors come from the persisted, micro-batched
 * `EmbeddingCache` (with the model's input conventions), and an entry scores the best cosine over its paraphrases.
 */
import type { FaqEntry } from './entry.ts';

/** An entry scores the best cosine between the query and any of its paraphrases, from precomputed vectors. */
export class EntryVectors {
  /**
   * @param entries The FAQ.
   * @param vectors Normalised vectors of every entry's questions, in order (`entries.flatMap(e => e.questions)`).
   */
  constructor(
    private readonly entries: readonly FaqEntry[],
    private readonly vectors: readonly Float32Array[],
  ) {}

  /** Best cosine similarity of the (normalised) query vector against each entry's paraphrases, by entry id. */
  similarities(query: Float32Array): Map<string, number> {
    const scores = new Map<string, number>();
    let index = 0;
    for (const entry of this.entries) {
      let best = -1;
      for (let i = 0; i < entry.questions.length; i++) best = Math.max(best, dot(query, this.vectors[index++] as Float32Array));
      scores.set(entry.id, best);
    }
    return scores;
  }
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
