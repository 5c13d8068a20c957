/**
 * Corpus BLEU as sacreBLEU 2.x computes it by default: the `13a` tokenizer (mteval-v13a), n-grams 1..4 clipped by
 * the most frequent count in any reference, the closest reference length for the brevity penalty, `exp`
 * smoothing. `char` tokenization (one token per character) is for Japanese and Chinese output, where 13a sees one
 * "word" per sentence. Checked against sacreBLEU's test values.
 */

export type BleuTokenizer = '13a' | 'none' | 'char';

const RULES_13A: readonly (readonly [RegExp, string])[] = [
  [/([{-~[-` -&(-+:-@/])/gu, ' $1 '],
  [/([^0-9])([.,])/gu, '$1 $2 '],
  [/([.,])([^0-9])/gu, ' $1 $2'],
  [/([0-9])(-)/gu, '$1 $2 '],
];

/** Tokens of a segment under `tokenizer`. */
export function tokenize(line: string, tokenizer: BleuTokenizer): string[] {
  if (tokenizer === 'none') return line.split(/\s+/u).filter(Boolean);
  if (tokenizer === 'char') return [...line.replace(/\s+/gu, '')];
  let text = ` ${line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ')} `;
  if (text.includes('&')) text = text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  for (const [pattern, replacement] of RULES_13A) text = text.replace(pattern, replacement);
  return text.split(/\s+/u).filter(Boolean);
}

function counts(tokens: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

export interface BleuResult {
  readonly score: number;
  readonly precisions: readonly number[];
  readonly brevityPenalty: number;
  readonly hypLength: number;
  readonly refLength: number;
}

/** Corpus BLEU (0-100); `referenceStreams[k][i]` is the k-th reference of segment i. */
export function corpusBleu(
  hypotheses: readonly string[],
  referenceStreams: readonly (readonly string[])[],
  tokenizer: BleuTokenizer = '13a',
): BleuResult {
  const correct = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let hypLength = 0;
  let refLength = 0;
  for (const [i, hypothesis] of hypotheses.entries()) {
    const hyp = tokenize(hypothesis, tokenizer);
    const refs = referenceStreams.map((stream) => tokenize(stream[i] ?? '', tokenizer));
    hypLength += hyp.length;
    // The closest reference length; ties go to the shorter one.
    refLength += refs
      .map((ref) => ref.length)
      .reduce(
        (best, len) =>
          Math.abs(len - hyp.length) < Math.abs(best - hyp.length) ||
          (Math.abs(len - hyp.length) === Math.abs(best - hyp.length) && len < best)
            ? len
            : best,
        Number.POSITIVE_INFINITY,
      );
    for (let n = 1; n <= 4; n++) {
      const max = new Map<string, number>();
      for (const ref of refs) for (const [gram, count] of counts(ref, n)) max.set(gram, Math.max(max.get(gram) ?? 0, count));
      for (const [gram, count] of counts(hyp, n)) correct[n - 1] = (correct[n - 1] ?? 0) + Math.min(count, max.get(gram) ?? 0);
      total[n - 1] = (total[n - 1] ?? 0) + Math.max(0, hyp.length - n + 1);
    }
  }
  return score(correct, total, hypLength, refLength);
}

function score(correct: readonly number[], total: readonly number[], hypLength: number, refLength: number): BleuResult {
  const precisions = [0, 0, 0, 0];
  if (hypLength === 0) return { score: 0, precisions, brevityPenalty: 0, hypLength, refLength };
  let smooth = 1;
  for (let n = 0; n < 4; n++) {
    const t = total[n] ?? 0;
    if (t === 0) break;
    const c = correct[n] ?? 0;
    if (c === 0) {
      smooth *= 2;
      precisions[n] = 100 / (smooth * t);
    } else precisions[n] = (100 * c) / t;
  }
  const brevityPenalty = hypLength < refLength ? Math.exp(1 - refLength / hypLength) : 1;
  const logs = precisions.map((p) => (p === 0 ? -9999999999 : Math.log(p)));
  return { score: brevityPenalty * Math.exp(logs.reduce((a, b) => a + b, 0) / 4), precisions, brevityPenalty, hypLength, refLength };
}
