/**
 * TF-IDF vectors over the features of `tokenize.ts`, as sparse (index, value) arrays.
 *
 * Each feature kind (words, word bigrams, character n-grams) is L2-normalized as its own block and weighted, then the
 * whole vector is normalized again: a short question has a handful of words but a hundred n-grams, and without the
 * blocks the n-grams alone would decide every match.
 */
import { extractFeatures, featureKind, type FeatureKind, type FeatureOptions } from './tokenize.ts';

export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

export type KindWeights = Readonly<Record<FeatureKind, number>>;

// Tuned on CLINC150 `val`: the n-grams already cover the words, so words get half a block.
export const DEFAULT_KIND_WEIGHTS: KindWeights = { w: 0.5, b: 0.5, c: 1 };

export class TfidfVectorizer {
  private readonly vocabulary = new Map<string, number>();
  private readonly kinds: FeatureKind[] = [];
  private idf = new Float32Array(0);

  constructor(
    private readonly featureOptions: FeatureOptions,
    private readonly kindWeights: KindWeights = DEFAULT_KIND_WEIGHTS,
  ) {}

  get size(): number {
    return this.kinds.length;
  }

  /** Learns the vocabulary and IDF from the documents and returns their vectors. */
  fit(documents: readonly string[]): SparseVector[] {
    // One dictionary lookup per feature occurrence, then integers only: with 100,000 paraphrases the string Map is
    // the dominant cost of building an index.
    const df: number[] = [];
    const counted = documents.map((d) => {
      const features = extractFeatures(d, this.featureOptions);
      const ids = new Int32Array(features.size);
      const counts = new Float32Array(features.size);
      let i = 0;
      for (const [key, count] of features) {
        let id = this.vocabulary.get(key);
        if (id === undefined) {
          id = this.kinds.length;
          this.vocabulary.set(key, id);
          this.kinds.push(featureKind(key));
          df.push(0);
        }
        df[id]!++;
        ids[i] = id;
        counts[i++] = count;
      }
      return { ids, counts };
    });
    // Smoothed IDF as in scikit-learn: a feature in every document still weighs 1, never 0.
    const n = documents.length;
    this.idf = Float32Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
    return counted.map(({ ids, counts }) => this.weigh(ids, counts));
  }

  /** Vector of a new text; features never seen in `fit` are dropped (they cannot match anything). */
  transform(text: string): SparseVector {
    const ids: number[] = [];
    const counts: number[] = [];
    for (const [key, count] of extractFeatures(text, this.featureOptions)) {
      const id = this.vocabulary.get(key);
      if (id === undefined) continue;
      ids.push(id);
      counts.push(count);
    }
    return this.weigh(Int32Array.from(ids), Float32Array.from(counts));
  }

  private weigh(ids: Int32Array, counts: Float32Array): SparseVector {
    const values = new Float32Array(ids.length);
    const blockNorm: Record<FeatureKind, number> = { w: 0, b: 0, c: 0 };
    for (let i = 0; i < ids.length; i++) {
      // Sublinear TF: a word repeated three times is not three times as relevant.
      const v = (1 + Math.log(counts[i]!)) * this.idf[ids[i]!]!;
      values[i] = v;
      blockNorm[this.kinds[ids[i]!]!] += v * v;
    }
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const kind = this.kinds[ids[i]!]!;
      const v = (values[i]! * this.kindWeights[kind]) / Math.sqrt(blockNorm[kind]);
      values[i] = v;
      total += v * v;
    }
    const norm = total > 0 ? 1 / Math.sqrt(total) : 0;
    for (let i = 0; i < values.length; i++) values[i]! *= norm;
    return { index: ids, value: values };
  }
}
