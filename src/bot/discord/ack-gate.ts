/**
 * Acknowledgements first. Discord drops an interaction that is not acknowledged within 3 s, so under a burst the
 * bot's CPU goes to sending acknowledgements before the work that follows them (settings, rate limit, enqueue).
 * `acknowledge` counts callbacks in flight; `clear` resolves once fewer than `limit` are, or after `maxWaitMs`, so
 * a slow Discord under steady load can delay the follow-up work a little but never starve it.
 */
export class AckGate {
  #inFlight = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    private readonly limit = 16,
    private readonly maxWaitMs = 1_000,
  ) {}

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Runs one acknowledgement, counted while it is in flight. */
  async acknowledge<T>(send: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await send();
    } finally {
      this.#inFlight--;
      if (this.#inFlight < this.limit) this.#release();
    }
  }

  /** Resolves when the acknowledgements in flight are few enough for follow-up work to go ahead. */
  clear(): Promise<void> {
    if (this.#inFlight < this.limit) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.#waiting;
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      // Past the cap, go ahead anyway (and stop waiting for the release).
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        resolve();
      }, this.maxWaitMs);
      waiting.push(waiter);
    });
  }

  #release(): void {
    for (const waiter of this.#waiting.splice(0)) waiter();
  }
}
