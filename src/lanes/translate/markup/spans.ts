/**
 * What in a Discord message must come back byte for byte (protected spans) and which formatting markers wrap text
 * that is translated (bold, italic, underline, strike, spoiler).
 */

/** Spans copied verbatim: never shown to a model except as a placeholder. */
export const PROTECTED_SPAN = new RegExp(
  [
    '`[^`\\n]+`', // inline code
    '<?https?://[^\\s<>]+[^\\s<>.,;:!?)\\]。、！？]>?', // URLs (angle brackets suppress embeds; trailing punctuation is prose)
    '<a?:\\w+:\\d+>', // custom emoji
    '<(?:@[!&]?|#)\\d+>', // user, role and channel mentions
    '</[\\w -]+:\\d+>', // slash-command mentions
    '<t:-?\\d+(?::[tTdDfFR])?>', // timestamps
    '@(?:everyone|here)',
    '[{｛]\\s*\\d+\\s*[}｝]', // text that looks like a placeholder is kept, so it never collides with ours
    '(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator})(?:\\p{Emoji_Modifier}|\\ufe0f|\\u20e3|[\\u{E0020}-\\u{E007F}]|\\u200d(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator}))*', // unicode emoji
  ].join('|'),
  'uy',
);

/** Inline formatting pairs, longest first (`**` before `*`). Spoilers first: their content must stay inside. */
export const FORMAT_MARKERS: readonly string[] = ['||', '***', '**', '__', '~~', '*', '_'];

/** Line prefixes kept as they are: quotes, bullets, numbered lists, headings, subtext. */
export const LINE_PREFIX = /^(\s*(?:>>> |> |[-*+] |\d+[.)] |#{1,3} |-# )*)/u;

/** A code block, possibly unclosed at the end of the message. */
export const CODE_BLOCK = /(```[\s\S]*?(?:```|$))/u;

/** Length of the protected span starting exactly at `index`, or 0. */
export function protectedLength(text: string, index: number): number {
  PROTECTED_SPAN.lastIndex = index;
  return PROTECTED_SPAN.exec(text)?.[0].length ?? 0;
}

/**
 * The index of the marker closing `marker` opened at `start`, or -1. Protected spans and other complete marker
 * pairs in between are skipped (`*see `a*b`*` closes after the code). The inner text must be non-empty; single
 * `*`/`_` must hug their text (`2 * 3 * 4` is arithmetic), and `_` must sit at word edges (snake_case is not italic).
 */
export function findClose(text: string, marker: string, start: number): number {
  const from = start + marker.length;
  let index = from;
  while (index < text.length) {
    const span = protectedLength(text, index);
    if (span > 0) {
      index += span;
      continue;
    }
    if (index > from && text.startsWith(marker, index) && closes(text, marker, start, index)) return index;
    const other = FORMAT_MARKERS.find((m) => m !== marker && text.startsWith(m, index) && findClose(text, m, index) >= 0);
    index = other ? findClose(text, other, index) + other.length : index + 1;
  }
  return -1;
}

function closes(text: string, marker: string, start: number, close: number): boolean {
  const inner = text.slice(start + marker.length, close);
  if (!inner.trim()) return false;
  if (marker !== '*' && marker !== '_') return true;
  if (/^\s|\s$/u.test(inner)) return false;
  return marker !== '_' || (!/\w/u.test(text[start - 1] ?? '') && !/\w/u.test(text[close + 1] ?? ''));
}
