/**
 * A model download as transformers.js reports it (`download`, `progress`, `progress_total` events), reduced to what
 * an owner and a member want to know: how far along it is and about how long it still takes.
 */
import { z } from 'zod';

const eventSchema = z.object({
  status: z.string(),
  file: z.string().optional(),
  loaded: z.number().nonnegative().optional(),
  total: z.number().nonnegative().optional(),
  progress: z.number().optional(),
});

/** How far a download is. `percent` and `etaSec` are absent until the sizes are known. */
export interface DownloadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
  readonly percent?: number;
  readonly etaSec?: number;
}

export class DownloadTracker {
  readonly #files = new Map<string, { loaded: number; total: number }>();
  readonly #started: number;
  #aggregate: { loaded: number; total: number } | undefined;
  #downloading = false;
  #onStart: () => void = () => undefined;
  /** Resolves when the first file starts downloading (never, when every file is already in the models folder). */
  readonly started = new Promise<void>((resolve) => (this.#onStart = resolve));

  constructor(now = Date.now()) {
    this.#started = now;
  }

  /** Whether files are being downloaded (not merely read from the models folder). */
  get downloading(): boolean {
    return this.#downloading;
  }

  /** Takes one progress event; returns whether it changed the figures of a running download. */
  update(event: unknown): boolean {
    const parsed = eventSchema.safeParse(event);
    if (!parsed.success) return false;
    const { status, file, loaded, total } = parsed.data;
    if (status === 'download' && !this.#downloading) {
      this.#downloading = true;
      this.#onStart();
    }
    if (!this.#downloading) return false;
    if (status === 'progress_total' && total) this.#aggregate = { loaded: loaded ?? 0, total };
    else if (status === 'progress' && file && total) this.#files.set(file, { loaded: loaded ?? 0, total });
    else if (status !== 'download') return false;
    return true;
  }

  snapshot(now = Date.now()): DownloadProgress {
    let loaded = 0;
    let total = 0;
    for (const bytes of this.#files.values()) {
      loaded += bytes.loaded;
      total += bytes.total;
    }
    if (this.#aggregate && this.#aggregate.total >= total) ({ loaded, total } = this.#aggregate);
    if (!total) return { loadedBytes: loaded, totalBytes: 0 };
    const percent = Math.min(99, Math.floor((loaded / total) * 100));
    const rate = loaded / Math.max(0.001, (now - this.#started) / 1000);
    return { loadedBytes: loaded, totalBytes: total, percent, ...(rate > 0 ? { etaSec: Math.ceil((total - loaded) / rate) } : {}) };
  }
}
