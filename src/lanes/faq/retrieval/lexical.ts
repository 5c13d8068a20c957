/**
 * Lexical FAQ retrieval: a sparse softmax classifier over TF-IDF features of every paraphrase, blended with the
 * cosine similarity to the entry's closest paraphrases.
 *
 * Why both: on CLINC150 the classifier is far more accurate than nearest-neighbour matching (it learns which words
 * tell entries apart), while the similarity says how much of the query the entry actually covers, which helps to
 * refuse out-of-scope questions and is the only signal left when there is a single entry.
 */
import type { FaqEntry } from '../entry.ts';
import { BACKGROUND_QUESTIONS } from './background.ts';
import { DEFAULT_SOFTMAX_OPTIONS, maxClassesPerFeature, SparseSoftmax, type SoftmaxOptions } from './softmax.ts';
import { DEFAULT_KIND_WEIGHTS, TfidfVectorizer, type KindWeights, type SparseVector } from './tfidf.ts';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './tokenize.ts';

export interface LexicalIndexOptions {
  readonly features?: Partial<FeatureOptions>;
  readonly kindWeights?: Partial<KindWeights>;
  readonly softmax?: Partial<SoftmaxOptions>;
  /** Features in more entries than this get no classifier weight (default: `maxClassesPerFeature(entries)`). */
  readonly maxClassesPerFeature?: number;
  /**
   * Weight of the similarity in the confidence, `score = p^(1-w) * sim^w` (geometric blend: both must agree).
   * Ignored for a single entry without background, where the score is the similarity alone.
   */
  readonly similarityWeight?: number;
  /**
   * Train the off-topic background class of `background.ts` (default true). It also makes a single-entry FAQ a
   * two-class problem, so its confidence means the same as with many entries.
   */
  readonly background?: boolean;
}

export interface RankedEntry {
  readonly id: string;
  /** Confidence in [0, 1] that this entry answers the query; compare it with `decide`'s threshold. */
  readonly score: number;
  /** Cosine similarity in [0, 1] between the query and the entry's paraphrases (mean of best and top-3 mean). */
  readonly similarity: number;
}

export interface LexicalIndex {
  readonly size: number;
  /** Entries sharing at least one feature with the query, best first (empty when the query matches nothing). */
  rank(query: string, k?: number): RankedEntry[];
}

/** Candidates re-scored with the similarity: the classifier's top few always contain the right entry if any. */
const CANDIDATE_POOL = 20;
export const DEFAULT_SIMILARITY_WEIGHT = 0.25;

export function buildLexicalIndex(entries: readonly FaqEntry[], options: LexicalIndexOptions = {}): LexicalIndex {
  const ids = entries.map((e) => e.id);
  if (new Set(ids).size !== ids.length) throw new Error('FAQ entry ids must be unique');

  const texts: string[] = [];
  const labelList: number[] = [];
  entries.forEach((entry, c) => {
    for (const q of entry.questions) {
      texts.push(q);
      labelList.push(c);
    }
  });
  // The background is class `entries.length`; it takes part in the softmax but is never ranked.
  const withBackground = entries.length >= 1 && options.background !== false;
  if (withBackground) {
    for (const q of BACKGROUND_QUESTIONS) {
      texts.push(q);
      labelList.push(entries.length);
    }
  }
  const classCount = entries.length + (withBackground ? 1 : 0);
  const vectorizer = new TfidfVectorizer(
    { ...DEFAULT_FEATURE_OPTIONS, ...options.features },
    { ...DEFAULT_KIND_WEIGHTS, ...options.kindWeights },
  );
  const vectors = vectorizer.fit(texts);
  const labels = Int32Array.from(labelList);
  const paraphrases: SparseVector[][] = Array.from({ length: classCount }, () => []);
  vectors.forEach((v, i) => paraphrases[labels[i]!]!.push(v));

  // One class cannot be told apart from anything: a classifier over it would always say p = 1. Without the
  // background, a single entry is scored by similarity alone.
  let classifier: SparseSoftmax | undefined;
  if (classCount >= 2) {
    const cap = options.maxClassesPerFeature ?? maxClassesPerFeature(classCount);
    classifier = new SparseSoftmax(classCount, vectorizer.size, vectors, labels, cap);
    classifier.train({ ...DEFAULT_SOFTMAX_OPTIONS, ...options.softmax });
  }
  const similarityWeight = classifier ? (options.similarityWeight ?? DEFAULT_SIMILARITY_WEIGHT) : 1;

  const dense = new Float32Array(vectorizer.size);
  const prob = new Float64Array(classCount);

  /** Cosine to the entry's paraphrases, aggregated as mean(best, mean of best 3): robust to one lucky paraphrase. */
  const similarity = (entry: number): number => {
    const sims = paraphrases[entry]!.map((p) => {
      let dot = 0;
      for (let i = 0; i < p.index.length; i++) dot += p.value[i]! * dense[p.index[i]!]!;
      return dot;
    });
    sims.sort((a, b) => b - a);
    const top = sims.slice(0, 3);
    const best = top[0] ?? 0;
    return Math.min(1, (best + top.reduce((a, b) => a + b, 0) / Math.max(1, top.length)) / 2);
  };

  const rank = (query: string, k = 5): RankedEntry[] => {
    const x = vectorizer.transform(query);
    if (x.index.length === 0 || k <= 0) return [];
    // Candidates with a first-pass score: the classifier probability, or (single entry) 1.
    let candidates: Array<{ c: number; p: number }>;
    if (classifier) {
      const logits = classifier.logits(x);
      classifier.probabilities(logits, prob);
      candidates = [];
      for (let i = 0; i < logits.count; i++) {
        const c = logits.classes[i]!;
        if (c < entries.length) candidates.push({ c, p: prob[c]! });
      }
      candidates = topBy(candidates, Math.max(k, CANDIDATE_POOL), (a) => a.p);
    } else {
      candidates = entries.length > 0 ? [{ c: 0, p: 1 }] : [];
    }
    for (let i = 0; i < x.index.length; i++) dense[x.index[i]!] = x.value[i]!;
    const ranked = candidates.map(({ c, p }) => {
      const sim = similarity(c);
      const score = Math.pow(p, 1 - similarityWeight) * Math.pow(sim, similarityWeight);
      return { id: ids[c]!, score, similarity: sim };
    });
    for (let i = 0; i < x.index.length; i++) dense[x.index[i]!] = 0;
    return ranked
      .filter((r) => r.similarity > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  };

  return { size: entries.length, rank };
}

/** The `k` items with the largest key, best first (a full sort only of what is kept). */
function topBy<T>(items: T[], k: number, key: (item: T) => number): T[] {
  if (items.length <= k) return items.sort((a, b) => key(b) - key(a));
  const kept: T[] = [];
  let floor = -Infinity;
  for (const item of items) {
    const v = key(item);
    if (kept.length === k && v <= floor) continue;
    kept.push(item);
    if (kept.length > k) {
      kept.sort((a, b) => key(b) - key(a));
      kept.length = k;
      floor = key(kept[k - 1]!);
    }
  }
  return kept.sort((a, b) => key(b) - key(a));
}
