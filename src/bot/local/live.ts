/**
 * The terminal while a request runs: a spinner with the job's stage ("waiting…", "transcribing 2/5", "writing…"),
 * then chat text printed as it streams in; the final answer completes what was streamed instead of repeating it.
 */
import type { Writable } from 'node:stream';
import { pick, type Locale } from '../../i18n/text.ts';
import { localMessages } from './messages.ts';
import type { LocalProgress } from './session.ts';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 100;
/** Erase the current line (ANSI). */
const CLEAR = '\r\u001b[K';

export class LiveAnswer {
  #stage: string;
  #frame = 0;
  #timer: NodeJS.Timeout | undefined;
  #streamed = '';

  constructor(
    private readonly output: Writable,
    locale: Locale,
  ) {
    this.#stage = pick(localMessages.waiting, locale);
  }

  /** Starts the spinner. */
  start(): void {
    this.#draw();
    this.#timer = setInterval(() => this.#draw(), FRAME_MS);
    this.#timer.unref();
  }

  /** A progress event: a new stage for the spinner, or streamed text to print now. */
  progress(progress: LocalProgress): void {
    if (progress.delta !== undefined) {
      if (!this.#streamed) this.#stopSpinner();
      this.#streamed += progress.delta;
      this.output.write(progress.delta);
      return;
    }
    if (!this.#streamed) this.#stage = progress.stage;
  }

  /** The text still to print for the final answer: all of it, or what follows the streamed part. */
  finish(answer: string): string {
    this.#stopSpinner();
    if (!this.#streamed) return answer;
    const streamed = this.#streamed;
    this.#streamed = '';
    // The rendered answer is the streamed text plus, at most, a note (cut at the length limit, stopped).
    return answer.startsWith(streamed) ? answer.slice(streamed.length) : `\n${answer}`;
  }

  #draw(): void {
    this.output.write(`${CLEAR}${FRAMES[this.#frame % FRAMES.length] ?? ''} ${this.#stage}`);
    this.#frame += 1;
  }

  #stopSpinner(): void {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.output.write(CLEAR);
  }
}
