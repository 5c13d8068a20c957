/**
 * Latency of lexical FAQ retrieval on a synthetic 10,000-entry FAQ (not a test: prints figures).
 *
 * Floor: the same queries scored against every entry by brute force (what the index saves).
 *
 *   npm run bench -- --only faq-retrieval [--entries=10000] [--queries=2000]
 *
 * The text is made of pseudo-words drawn from a Zipf distribution, like real language: a few words ("how", "the")
 * are in nearly every entry and make long posting lists, which is exactly what the index must cope with.
 */
import type { FaqEntry } from '../src/lanes/faq/entry.ts';
import { buildLexicalIndex } from '../src/lanes/faq/retrieval/lexical.ts';
import { mulberry32 } from '../src/core/prng.ts';
import { option, percentile, ratioOf, report, round, size } from './lib/report.ts';

const entryCount = Number(option('entries', String(size(10_000, 200))));
const queryCount = Number(option('queries', String(size(2_000, 50))));
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
// The floor: word overlap with every paraphrase of every entry, no index (what an index must beat).
const paraphrases = entries.flatMap((entry) => entry.questions.map((q) => new Set(q.split(' '))));
const scans = queries.slice(0, Math.min(queries.length, 200)).map((q) => {
  const words = q.split(' ');
  const start = performance.now();
  let best = 0;
  for (const paraphrase of paraphrases) best = Math.max(best, words.filter((w) => paraphrase.has(w)).length);
  return performance.now() - start;
});
report({
  name: 'faq-retrieval',
  entries: entryCount,
  paraphrases: entryCount * 10,
  buildMs: Math.round(buildMs),
  queries: queryCount,
  p50Ms: round(percentile(latencies, 0.5), 3),
  p99Ms: round(percentile(latencies, 0.99), 3),
  floor: { bruteForceP50Ms: round(percentile(scans, 0.5), 3) },
  ratio: ratioOf(percentile(latencies, 0.5), percentile(scans, 0.5)),
});
