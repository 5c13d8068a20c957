/**
 * Sentence splitting with `Intl.Segmenter` (ICU's sentence rules): Japanese 。！？ end a sentence with or without a
 * following space, English needs the space, and "e.g." or "1.2.3" do not end one. Pieces keep their trailing
 * whitespace, so joining them gives back the text exactly.
 */

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

function segmentersFor(locale: string) {
  let found = segmenters.get(locale);
  if (!found) {
    found = {
      sentence: new Intl.Segmenter(locale, { granularity: 'sentence' }),
      word: new Intl.Segmenter(locale, { granularity: 'word' }),
    };
    segmenters.set(locale, found);
  }
  return found;
}

/** The sentences of `text`, each with its trailing whitespace; `join('')` is the text. */
export function splitSentences(text: string, locale = 'ja'): string[] {
  return [...segmentersFor(locale).sentence.segment(text)].map((piece) => piece.segment);
}

/** The words and the spaces and punctuation between them, in order; `join('')` is the text. */
export function splitWords(text: string, locale = 'ja'): string[] {
  return [...segmentersFor(locale).word.segment(text)].map((piece) => piece.segment);
}

/**
 * Packs consecutive pieces into chunks whose `size` stays within `max`, in order. A piece larger than `max` on its
 * own is cut between words (never inside one); a single word larger than `max` becomes its own chunk.
 */
export function packPieces(pieces: readonly string[], max: number, size: (text: string) => number, locale = 'ja'): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current) chunks.push(current);
    current = '';
  };
  for (const piece of pieces) {
    if (size(current + piece) <= max) {
      current += piece;
      continue;
    }
    flush();
    if (size(piece) <= max) current = piece;
    else for (const part of packPieces(splitWords(piece, locale), max, size, locale)) chunks.push(part);
  }
  flush();
  return chunks;
}

/** Splits text into chunks of at most `max` units of `size` (characters by default) at sentence ends, else words. */
export function splitAtSentences(text: string, max: number, size: (text: string) => number = (t) => t.length, locale = 'ja'): string[] {
  return packPieces(splitSentences(text, locale), max, size, locale);
}
