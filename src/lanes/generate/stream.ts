/**
 * Streamed text on its way to the front end: hidden thinking removed, then pieces batched so that a fast
 * model does not cost one Redis write per token. The first piece goes out at once (time to first token);
 * the bot edits Discord once a second anyway, so holding text for a few tens of milliseconds is invisible.
 */
import { ThinkFilter } from './think-filter.ts';

/** Longest a piece of text waits before it is reported. */
export const DELTA_FLUSH_MS = 50;

export class DeltaStream {
  readonly #filter = new ThinkFilter();
  #pending = '';
  #lastFlush = Number.NEGATIVE_INFINITY;
  #text = '';

  constructor(
    private readonly report: (delta: string) => void,
    private readonly flushMs = DELTA_FLUSH_MS,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Everything reported so far plus what is still held back. */
  get text(): string {
    return this.#text;
  }

  /** Raw model text in; visible text out, reported when due. */
  push(raw: string): void {
    this.#add(this.#filter.push(raw));
    const now = this.now();
    if (this.#pending && now - this.#lastFlush >= this.flushMs) this.#flush(now);
  }

  /** The end of the answer: the rest of the text and an optional footer, reported now. */
  end(footer = ''): void {
    this.#add(this.#filter.end());
    this.#add(footer);
    this.#flush(this.now());
  }

  #add(visible: string): void {
    this.#pending += visible;
    this.#text += visible;
  }

  #flush(now: number): void {
    if (!this.#pending) return;
    this.report(this.#pending);
    this.#pending = '';
    this.#lastFlush = now;
  }
}
