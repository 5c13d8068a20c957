/**
 * The yardstick the FAQ ranker is measured against (`npm run eval:faq -- --retrieval baseline`): plain TF-IDF over
 * words and character 3-5-grams (each block L2-normalised, as scikit-learn's FeatureUnion of a word and a `char_wb`
 * vectorizer), fitted on the FAQ's questions, scored by the cosine to the entry's closest question. No classifier, no
 * answer text, no background: what anyone would build first. Never used by the lane.
 */
import type { FaqEntry } from '../entry.ts';
import type { LexicalIndex, RankedEntry } from './lexical.ts';
import { TfidfVectorizer, type SparseVector } from './tfidf.ts';

export function buildTfidfBaseline(entries: readonly FaqEntry[]): LexicalIndex {
  const vectorizer = new TfidfVectorizer(
    { charNgramMin: 3, charNgramMax: 5, charNgramMode: 'word', wordBigrams: false },
    { w: 1, b: 0, c: 1 },
  );
  const owners = entries.flatMap((entry, c) => entry.questions.map(() => c));
  const vectors = vectorizer.fit(entries.flatMap((entry) => entry.questions));
  const rank = (query: string, k = 5): RankedEntry[] => {
    const x = toMap(vectorizer.transform(query));
    if (x.size === 0 || k <= 0) return [];
    const best = new Float64Array(entries.length);
    vectors.forEach((v, i) => {
      let dot = 0;
      for (let j = 0; j < v.index.length; j++) dot += v.value[j]! * (x.get(v.index[j]!) ?? 0);
      best[owners[i]!] = Math.max(best[owners[i]!]!, dot);
    });
    return entries
      .map((entry, c) => ({ id: entry.id, score: Math.min(1, best[c]!), similarity: Math.min(1, best[c]!) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  };
  return { size: entries.length, rank };
}

function toMap(v: SparseVector): Map<number, number> {
  const map = new Map<number, number>();
  v.index.forEach((feature, i) => map.set(feature, v.value[i]!));
  return map;
}
