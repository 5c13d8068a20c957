/**
 * One embedding forward pass, with the model's conventions: the FAQ lane's retrieval and `npm run models -- check`
 * both embed through this, so they see the same vectors.
 */
import { conventionsFor, type EmbedderConventions } from './conventions.ts';

/** Normalised vectors for texts, one per text, in order. */
export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;

/** The part of a transformers.js feature-extraction pipeline that embedding uses. */
export type Embedder = ((
  texts: string[],
  options: { pooling: EmbedderConventions['pooling']; normalize: boolean },
) => Promise<{ dims: readonly number[]; data: ArrayLike<number> }>) & {
  /** Counts tokens for the length limit; a pipeline always has one. */
  readonly tokenizer?: { encode(text: string): readonly number[] };
};

/** Something worth a log line, such as a text cut to the model's input limit. */
export type EmbedNote = (note: string, detail: Record<string, unknown>) => void;

/**
 * One forward pass with the model's conventions (`src/inference/conventions.ts`): its prefix for comparing questions
 * with questions (`"query: "` on both sides for multilingual-e5, none for the fixture BERT), its pooling and
 * normalisation (cosine = dot product), and its input limit: a longer text is cut to fit, with a note, never a crash.
 * @param model The model id, which picks the conventions; without it, the generic ones (no prefix).
 */
export function forwardPass(embedder: Embedder, model = '', note: EmbedNote = () => undefined): EmbedFn {
  const { conventions } = conventionsFor(model, 'embedder');
  const { symmetricPrefix: prefix, pooling, normalize } = conventions;
  return async (texts) => {
    const inputs = texts.map((text) => fitTokens(embedder, prefix + text, conventions.maxInputTokens, note));
    const output = await embedder(inputs, { pooling, normalize });
    const dims = output.dims[output.dims.length - 1] ?? 0;
    const data = Float32Array.from(output.data);
    return texts.map((_, row) => data.slice(row * dims, (row + 1) * dims));
  };
}

/** `text` cut (at a character boundary, by bisection) to at most `maxTokens` tokens, special tokens included. */
export function fitTokens(embedder: Embedder, text: string, maxTokens: number, note: EmbedNote): string {
  const tokenizer = embedder.tokenizer;
  // A character is at most 4 tokens (UTF-8 bytes of a byte-level vocabulary), plus two specials: short texts need
  // no count, which keeps tokenizing twice off the path of ordinary questions.
  if (!tokenizer || text.length * 4 + 2 <= maxTokens) return text;
  const count = (t: string): number => tokenizer.encode(t).length;
  const tokens = count(text);
  if (tokens <= maxTokens) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (count(text.slice(0, mid)) <= maxTokens) lo = mid;
    else hi = mid - 1;
  }
  note("text cut to the embedding model's input limit", { tokens, maxTokens, keptChars: lo, chars: text.length });
  return text.slice(0, lo);
}
