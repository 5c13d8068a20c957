/**
 * Cuts a unit's template into chunks the model takes at once: whole sentences (Intl.Segmenter, Japanese 。！？
 * included) packed up to the chunk budget in model tokens; a sentence over the budget is cut between words, and a
 * placeholder `{n}` is never cut.
 */
import { splitSentences, splitWords } from '../../text/sentences.ts';

/** A chunk and the whitespace that followed it in the template (put back after its translation). */
export interface Chunk {
  readonly text: string;
  readonly trailing: string;
}

/** Chunks of `template` within `maxTokens` each; `join` of text + trailing gives the template back. */
export function chunkTemplate(template: string, maxTokens: number, count: (text: string) => number, locale: string): Chunk[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current) pieces.push(current);
    current = '';
  };
  for (const sentence of splitSentences(template, locale)) {
    if (count(current + sentence) <= maxTokens) {
      current += sentence;
      continue;
    }
    flush();
    if (count(sentence) <= maxTokens) current = sentence;
    else pieces.push(...cutBetweenWords(sentence, maxTokens, count, locale));
  }
  flush();
  return pieces.map(withTrailing);
}

/** Halves a chunk that produced a cut-off translation (at a sentence end when it has several, else a word). */
export function halve(chunk: string, count: (text: string) => number, locale: string): string[] {
  const sentences = splitSentences(chunk, locale);
  const atoms = sentences.length > 1 ? sentences : atomsOf(chunk, locale);
  if (atoms.length < 2) return [chunk];
  const budget = Math.max(1, Math.ceil(count(chunk) / 2));
  const first: string[] = [];
  while (atoms.length > 1 && (first.length === 0 || count(first.join('') + (atoms[0] ?? '')) <= budget)) first.push(atoms.shift() ?? '');
  return [first.join(''), atoms.join('')];
}

function cutBetweenWords(sentence: string, maxTokens: number, count: (text: string) => number, locale: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const atom of atomsOf(sentence, locale)) {
    if (current && count(current + atom) > maxTokens) {
      out.push(current);
      current = '';
    }
    current += atom;
  }
  if (current) out.push(current);
  return out;
}

/** Words and spaces, with each placeholder `{n}` as one atom. */
function atomsOf(text: string, locale: string): string[] {
  return text
    .split(/([{｛]\s*\d+\s*[}｝])/u)
    .filter(Boolean)
    .flatMap((piece) => (/^[{｛]\s*\d+\s*[}｝]$/u.test(piece) ? [piece] : splitWords(piece, locale)));
}

function withTrailing(piece: string): Chunk {
  const match = /^([\s\S]*?)(\s*)$/u.exec(piece);
  return { text: match?.[1] ?? piece, trailing: match?.[2] ?? '' };
}
