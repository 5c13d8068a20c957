/**
 * Splits text into Discord-sized messages (2,000 characters). Cuts prefer paragraph, then line, then
 * sentence, then word boundaries; a cut inside a code block closes the fence and reopens it (with its
 * language) in the next part, so every part renders on its own.
 *
 * Sentences and words come from `Intl.Segmenter` (ICU), not from spaces: Japanese ends a sentence with
 * 。！？ and no space after it, and has no spaces between words, so a space-based rule would cut
 * Japanese prose in the middle of a word.
 */
export const DISCORD_MESSAGE_LIMIT = 2000;

const FENCE = /^```(\S*)/u;
const SENTENCES = new Intl.Segmenter('ja', { granularity: 'sentence' });
const WORDS = new Intl.Segmenter('ja', { granularity: 'word' });
/** Text past the cut that ICU sees, so that the window's end is not mistaken for the end of a sentence. */
const LOOKAHEAD = 32;

export function splitMessage(text: string, limit = DISCORD_MESSAGE_LIMIT): string[] {
  if (limit < 20) throw new RangeError('limit too small');
  const parts: string[] = [];
  let rest = text;
  let reopen = '';
  while (rest.length > 0) {
    const body = reopen + rest;
    if (body.length <= limit) {
      parts.push(body.trimEnd());
      break;
    }
    // Leave room to close an open fence ("\n```").
    const budget = limit - 4;
    const cut = bestCut(body, budget, reopen.length);
    let part = body.slice(0, cut);
    const fence = openFence(part);
    if (fence !== null) part = `${part.replace(/\n?$/u, '')}\n\`\`\``;
    parts.push(part.trimEnd());
    rest = body.slice(cut).replace(/^\n/u, '');
    reopen = fence !== null ? `\`\`\`${fence}\n` : '';
  }
  return parts.filter((part) => part.trim().length > 0);
}

/** The index to cut at: the last good boundary within `budget`, never before `minimum`. */
function bestCut(text: string, budget: number, minimum: number): number {
  const window = text.slice(0, budget);
  const context = text.slice(0, budget + LOOKAHEAD);
  const floor = Math.max(minimum + 1, Math.floor(budget / 3));
  const finders = [
    () => lastMatchEnd(window, /\n\n/gu),
    () => lastMatchEnd(window, /\n/gu),
    () => lastBoundary(SENTENCES, context, budget),
    () => lastMatchEnd(window, /\s/gu),
    () => lastBoundary(WORDS, context, budget),
  ];
  for (const find of finders) {
    const at = find();
    if (at >= floor) return at;
  }
  // One unbroken run (a URL, a long number): cut hard, but never between the two halves of an emoji.
  return /[\uD800-\uDBFF]/u.test(text[budget - 1] ?? '') ? budget - 1 : budget;
}

function lastMatchEnd(window: string, pattern: RegExp): number {
  let at = -1;
  for (const match of window.matchAll(pattern)) at = match.index + match[0].length;
  return at;
}

/** The last segment start at or before `budget` (a segment's trailing spaces stay with it). */
function lastBoundary(segmenter: Intl.Segmenter, text: string, budget: number): number {
  let at = -1;
  for (const { index } of segmenter.segment(text)) {
    if (index > budget) break;
    at = index;
  }
  return at;
}

/** The language of the code fence left open at the end of `text`, or null when none is open. */
function openFence(text: string): string | null {
  let open: string | null = null;
  for (const line of text.split('\n')) {
    const match = FENCE.exec(line.trim());
    if (!match) continue;
    open = open === null ? (match[1] ?? '') : null;
  }
  return open;
}
