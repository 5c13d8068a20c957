/**
 * Long answers are spoken sentence by sentence: `Intl.Segmenter` finds sentence ends (Japanese 。！？
 * included, with or without a following space), lines stay apart, and a sentence too long for one
 * utterance is cut at a clause mark (、，,;:) or a space before the limit, or hard at the limit.
 */

function* segments(line: string, language: string): Generator<string> {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  for (const { segment } of segmenter.segment(line)) {
    const trimmed = segment.trim();
    if (trimmed) yield trimmed;
  }
}

/** Cuts `sentence` into pieces of at most `maxChars` characters, preferring clause marks, then spaces. */
export function cutLongSentence(sentence: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while ([...rest].length > maxChars) {
    const head = [...rest].slice(0, maxChars).join('');
    const clause = Math.max(...[...head.matchAll(/[、，,;；:：]/gu)].map((m) => (m.index ?? -1) + m[0].length), -1);
    const space = head.lastIndexOf(' ');
    const cut = clause > maxChars / 3 ? clause : space > maxChars / 3 ? space : head.length;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces.filter((piece) => piece.length > 0);
}

/** The sentences of `text` in order, each at most `maxChars` characters; pieces with nothing to say are dropped. */
export function splitSentences(text: string, language: string, maxChars: number): string[] {
  return text
    .split(/\n+/u)
    .flatMap((line) => [...segments(line, language)])
    .flatMap((sentence) => cutLongSentence(sentence, maxChars))
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}
