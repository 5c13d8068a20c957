/**
 * Removes a reasoning model's hidden thinking (`<think>…</think>`) from streamed text, so it never
 * reaches Discord. Text is fed in arbitrary chunks; a tag split across chunks is held back until whole.
 */
const OPEN = '<think>';
const CLOSE = '</think>';

export class ThinkFilter {
  #inside = false;
  #pending = '';

  /** Feeds a chunk; returns the visible text it completes. */
  push(chunk: string): string {
    this.#pending += chunk;
    let visible = '';
    for (;;) {
      const tag = this.#inside ? CLOSE : OPEN;
      const at = this.#pending.indexOf(tag);
      if (at >= 0) {
        if (!this.#inside) visible += this.#pending.slice(0, at);
        this.#pending = this.#pending.slice(at + tag.length);
        this.#inside = !this.#inside;
        continue;
      }
      // Keep back a tail that could be the start of the tag.
      const keep = partialTagLength(this.#pending, tag);
      if (!this.#inside) visible += this.#pending.slice(0, this.#pending.length - keep);
      this.#pending = this.#pending.slice(this.#pending.length - keep);
      return visible;
    }
  }

  /** Flushes what is left at the end of the stream (an unclosed thought stays hidden). */
  end(): string {
    const rest = this.#inside ? '' : this.#pending;
    this.#pending = '';
    return rest;
  }
}

function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

/** Removes complete and unclosed thinking blocks from a finished text. */
export function stripThinking(text: string): string {
  const filter = new ThinkFilter();
  return (filter.push(text) + filter.end()).trim();
}
