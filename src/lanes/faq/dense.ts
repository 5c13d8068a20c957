/**
 * Dense similarity with a sentence-embedding model. `EntryVectors` is the FAQ lane's (vectors come from the
 * persisted, micro-batched `EmbeddingCache`); `DenseIndex` embeds for itself and serves chat grounding.
 *
 * `DenseIndex`: every paraphrase is embedded once (cached by its
 * text), the query once per job, and an entry scores the best cosine over its paraphrases.
 */
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { FaqEntry } from './entry.ts';

export class DenseIndex {
  readonly #cache = new Map<string, Float32Array>();

  constructor(private readonly embedder: FeatureExtractionPipeline) {}

  /** Normalised embeddings of `texts`, one batched forward pass for the ones not cached yet. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((text) => !this.#cache.has(text)))];
    if (missing.length) {
      const output = await this.embedder(missing, { pooling: 'mean', normalize: true });
      const [rows, dims] = output.dims as [number, number];
      const data = output.data as Float32Array;
      for (let row = 0; row < rows; row++) this.#cache.set(missing[row] as string, data.slice(row * dims, (row + 1) * dims));
    }
    return texts.map((text) => this.#cache.get(text) as Float32Array);
  }

  /** Best cosine similarity of `query` against each entry's paraphrases, by entry id. */
  async similarities(query: string, entries: readonly FaqEntry[]): Promise<Map<string, number>> {
    const questions = entries.flatMap((entry) => entry.questions);
    const [queryVector, ...vectors] = await this.embed([query, ...questions]);
    const scores = new Map<string, number>();
    let index = 0;
    for (const entry of entries) {
      let best = -1;
      for (let i = 0; i < entry.questions.length; i++)
        best = Math.max(best, dot(queryVector as Float32Array, vectors[index++] as Float32Array));
      scores.set(entry.id, best);
    }
    return scores;
  }
}

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
