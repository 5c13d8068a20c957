/**
 * Lexical FAQ retrieval: a sparse softmax classifier over TF-IDF features of every paraphrase (and, as weaker fields,
 * of each entry's answer and tags), blended with the cosine similarity to the entry's closest texts.
 *
 * Why both: on CLINC150 the classifier is far more accurate than nearest-neighbour matching (it learns which words
 * tell entries apart), while the similarity says how much of the query the entry actually covers, which helps to
 * refuse out-of-scope questions and is the only signal left when there is a single entry.
 */
import type { FaqEntry } from '../entry.ts';
import { buildDocuments, DEFAULT_FIELD_WEIGHTS, type FieldWeights } from './documents.ts';
import { scoreExponent } from './scale.ts';
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
  /** Train the off-topic background class of `background.ts` (default true). */
  readonly background?: boolean;
  /** How much answers and tags count next to a question (`documents.ts`). */
  readonly fieldWeights?: Partial<FieldWeights>;
  /** Put confidences on the scale of a 10-paraphrase FAQ (`scale.ts`; default true). */
  readonly rescale?: boolean;
}

export interface RankedEntry {
  readonly id: string;
  /** Confidence in [0, 1] that this entry answers the query; compare it with `decide`'s threshold. */
  readonly score: number;
  /** Cosine similarity in [0, 1] between the query and the entry's texts (questions, then answer and tags). */
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

interface EntryTexts {
  readonly questions: SparseVector[];
  /** Answer and tags with their field weights. */
  readonly extra: { readonly vector: SparseVector; readonly weight: number }[];
}

export function buildLexicalIndex(entries: readonly FaqEntry[], options: LexicalIndexOptions = {}): LexicalIndex {
  const ids = entries.map((e) => e.id);
  if (new Set(ids).size !== ids.length) throw new Error('FAQ entry ids must be unique');

  const docs = buildDocuments(entries, { ...DEFAULT_FIELD_WEIGHTS, ...options.fieldWeights }, options.background !== false);
  const { classCount, labels } = docs;
  const vectorizer = new TfidfVectorizer(
    { ...DEFAULT_FEATURE_OPTIONS, ...options.features },
    { ...DEFAULT_KIND_WEIGHTS, ...options.kindWeights },
  );
  const vectors = vectorizer.fit(docs.texts);
  const byEntry: EntryTexts[] = Array.from({ length: classCount }, () => ({ questions: [], extra: [] }));
  vectors.forEach((vector, i) => {
    const texts = byEntry[labels[i]!]!;
    if (docs.fields[i] === 'question') texts.questions.push(vector);
    else texts.extra.push({ vector, weight: docs.weights[i]! });
  });

  // One class cannot be told apart from anything: a classifier over it would always say p = 1. Without the
  // background, a single entry is scored by similarity alone.
  let classifier: SparseSoftmax | undefined;
  if (classCount >= 2) {
    const cap = options.maxClassesPerFeature ?? maxClassesPerFeature(classCount);
    classifier = new SparseSoftmax(classCount, vectorizer.size, vectors, labels, cap, docs.weights);
    classifier.train({ ...DEFAULT_SOFTMAX_OPTIONS, ...options.softmax });
  }
  const similarityWeight = classifier ? (options.similarityWeight ?? DEFAULT_SIMILARITY_WEIGHT) : 1;
  const questionCount = entries.reduce((sum, e) => sum + e.questions.length, 0);
  // Measured on the classifier's confidences; a similarity alone (one entry, no background) keeps its own scale.
  const exponent = !classifier || options.rescale === false ? 1 : scoreExponent(questionCount / entries.length);

  const dense = new Float32Array(vectorizer.size);
  const prob = new Float64Array(classCount);
  const cosine = (p: SparseVector): number => {
    let dot = 0;
    for (let i = 0; i < p.index.length; i++) dot += p.value[i]! * dense[p.index[i]!]!;
    return dot;
  };
  /**
   * Questions: mean(best, mean of best 3), robust to one lucky paraphrase. Answer and tags join as a weighted mean,
   * so an entry whose question shares little with the query can still be found through its answer.
   */
  const similarity = (entry: number): number => {
    const { questions, extra } = byEntry[entry]!;
    const top = questions
      .map(cosine)
      .sort((a, b) => b - a)
      .slice(0, 3);
    const best = top[0] ?? 0;
    let sum = (best + top.reduce((a, b) => a + b, 0) / Math.max(1, top.length)) / 2;
    let weight = 1;
    for (const field of extra) {
      sum += field.weight * cosine(field.vector);
      weight += field.weight;
    }
    return Math.min(1, sum / weight);
  };

  const rank = (query: string, k = 5): RankedEntry[] => {
    const x = vectorizer.transform(query);
    if (x.index.length === 0 || k <= 0) return [];
    const candidates = classifier ? classifierCandidates(classifier, x, entries.length, prob, Math.max(k, CANDIDATE_POOL)) : [];
    if (!classifier && entries.length > 0) candidates.push({ c: 0, p: 1 });
    for (let i = 0; i < x.index.length; i++) dense[x.index[i]!] = x.value[i]!;
    const ranked = candidates.map(({ c, p }) => {
      const sim = similarity(c);
      const score = Math.pow(Math.pow(p, 1 - similarityWeight) * Math.pow(sim, similarityWeight), exponent);
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

/** The `pool` entries (never the background) the classifier finds most likely, with their probabilities. */
function classifierCandidates(
  classifier: SparseSoftmax,
  x: SparseVector,
  entryCount: number,
  prob: Float64Array,
  pool: number,
): { c: number; p: number }[] {
  const logits = classifier.logits(x);
  classifier.probabilities(logits, prob);
  const candidates: { c: number; p: number }[] = [];
  for (let i = 0; i < logits.count; i++) {
    const c = logits.classes[i]!;
    if (c < entryCount) candidates.push({ c, p: prob[c]! });
  }
  return topBy(candidates, pool, (a) => a.p);
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
