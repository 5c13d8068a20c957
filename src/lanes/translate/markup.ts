/**
 * Keeps Discord markup intact through translation. The text is cut into pieces: code blocks, inline
 * code, URLs, mentions, channel links, custom emoji and timestamps are kept verbatim, as are line
 * breaks and line prefixes (quotes, list bullets, headings). Only the prose between them is translated.
 */

/** A piece of the message: `translate` pieces go to the model, the rest is copied as is. */
export interface Piece {
  readonly text: string;
  readonly translate: boolean;
}

const INLINE_PROTECTED = new RegExp(
  [
    '`[^`\\n]+`', // inline code
    'https?://[^\\s<>()]+', // URLs
    '<a?:\\w+:\\d+>', // custom emoji
    '<(?:@[!&]?|#)\\d+>', // user, role and channel mentions
    '</[\\w -]+:\\d+>', // slash-command mentions
    '<t:-?\\d+(?::[tTdDfFR])?>', // timestamps
    '@(?:everyone|here)',
  ].join('|'),
  'gu',
);

const LINE_PREFIX = /^(\s*(?:>>> |> |[-*+] |\d+[.)] |#{1,3} |-# )*)/u;

export function splitMarkup(text: string): Piece[] {
  const pieces: Piece[] = [];
  const push = (value: string, translate: boolean) => {
    if (!value) return;
    // Whitespace-only or symbol-only prose needs no model: keep it verbatim.
    const worth = translate && /\p{L}/u.test(value);
    const last = pieces.at(-1);
    if (last && !last.translate && !worth) pieces[pieces.length - 1] = { text: last.text + value, translate: false };
    else pieces.push({ text: value, translate: worth });
  };
  const blocks = text.split(/(```[\s\S]*?(?:```|$))/u);
  for (const block of blocks) {
    if (block.startsWith('```')) {
      push(block, false);
      continue;
    }
    const lines = block.split(/(\n)/u);
    for (const line of lines) {
      if (line === '\n') {
        push(line, false);
        continue;
      }
      const prefix = LINE_PREFIX.exec(line)?.[1] ?? '';
      push(prefix, false);
      splitInline(line.slice(prefix.length), push);
    }
  }
  return pieces;
}

function splitInline(line: string, push: (value: string, translate: boolean) => void): void {
  let cursor = 0;
  for (const match of line.matchAll(INLINE_PROTECTED)) {
    emitProse(line.slice(cursor, match.index), push);
    push(match[0], false);
    cursor = match.index + match[0].length;
  }
  emitProse(line.slice(cursor), push);
}

/** Leading/trailing spaces stay outside the translated text so joins keep their spacing. */
function emitProse(value: string, push: (value: string, translate: boolean) => void): void {
  const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(value);
  if (!match) return;
  push(match[1] ?? '', false);
  push(match[2] ?? '', true);
  push(match[3] ?? '', false);
}

/** Puts translated prose back between the protected pieces. */
export function joinMarkup(pieces: readonly Piece[], translations: readonly string[]): string {
  let next = 0;
  return pieces.map((piece) => (piece.translate ? (translations[next++] ?? piece.text) : piece.text)).join('');
}
