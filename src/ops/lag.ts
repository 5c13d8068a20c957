/**
 * Event-loop delay as the largest lateness of a short repeating timer since the last read. Unlike
 * `monitorEventLoopDelay`, reading never resets the timer's reference point, so a block right after a read
 * is still measured (a histogram reset makes its next sample only a new starting point).
 */

/** Timer period in ms: a block is measured to within this much. */
const RESOLUTION_MS = 50;

export class LagSampler {
  #last = performance.now();
  #max = 0;
  readonly #timer: NodeJS.Timeout;

  constructor() {
    this.#timer = setInterval(() => {
      const now = performance.now();
      this.#max = Math.max(this.#max, now - this.#last - RESOLUTION_MS);
      this.#last = now;
    }, RESOLUTION_MS).unref();
  }

  /**
   * The largest delay (ms) since the previous call. A timer tick that is late right now counts too, and the
   * reference moves to now so that the same lateness is not reported twice.
   */
  take(): number {
    const now = performance.now();
    const max = Math.max(this.#max, now - this.#last - RESOLUTION_MS);
    this.#last = now;
    this.#max = 0;
    return Math.max(0, max);
  }

  close(): void {
    clearInterval(this.#timer);
  }
}
