/**
 * Latency of lexical FAQ retrieval on a synthetic 10,000-entry FAQ (not a test: prints figures).
 *
 *   npx tsx bench/faq-retrieval.ts [entries=10000] [queries=2000]
 *
 * The text is made of pseudo-words drawn from a Zipf distribution, like real language: a few words ("how", "the")
 * are in nearly every entry and make long posting lists, which is exactly what the index must cope with.
 */
import type { FaqEntry } from '../src/lanes/faq/entry.ts';
import { buildLexicalIndex } from '../src/lanes/faq/retrieval/lexical.ts';
import { mulberry32 } from '../src/core/prng.ts';

const entryCount = Number(process.argv[2] ?? 10_000);
const queryCount = Number(process.argv[3] ?? 2_000);
const random = mulberry32(42);

const SYLLABLES = ['ka', 'to', 'ri', 'men', 'sa', 'lo', 'ver', 'di', 'an', 'po', 'ne', 'qui', 'sh', 'ol', 'tra', 'be'];
const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
  let word = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
});
// Zipf(1) sampling through the cumulative distribution.
const cumulative = new Float64Array(vocabulary.length);
vocabulary.forEach((_, i) => (cumulative[i] = (cumulative[i - 1] ?? 0) + 1 / (i + 1)));
const zipfWord = (): string => {
  const target = random() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
};
const sentence = (topic: readonly string[]): string => {
  const words = Array.from({ length: 4 + Math.floor(random() * 6) }, zipfWord);
  for (const t of topic) if (random() < 0.7) words.splice(Math.floor(random() * words.length), 0, t);
  return words.join(' ');
};

const topics = Array.from({ length: entryCount }, () =>
  Array.from({ length: 3 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!),
);
const entries: FaqEntry[] = topics.map((topic, i) => ({
  id: `entry-${i}`,
  questions: Array.from({ length: 10 }, () => sentence(topic)),
  answer: `Answer ${i}`,
}));

const t0 = performance.now();
const index = buildLexicalIndex(entries);
const buildMs = performance.now() - t0;

const queries = Array.from({ length: queryCount }, (_, i) =>
  i % 5 === 4 ? sentence([]) : sentence(topics[Math.floor(random() * topics.length)]!),
);
for (const q of queries.slice(0, 200)) index.rank(q); // warm-up: JIT, caches
const latencies = queries.map((q) => {
  const start = performance.now();
  index.rank(q, 5);
  return performance.now() - start;
});
latencies.sort((a, b) => a - b);
const at = (p: number): string => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(3);
console.log(
  JSON.stringify({
    entries: entryCount,
    paraphrases: entryCount * 10,
    build_ms: Math.round(buildMs),
    queries: queryCount,
    p50_ms: Number(at(0.5)),
    p99_ms: Number(at(0.99)),
  }),
);
