/**
 * What retrieval the workers use and why, published in Redis for `/faq status` (the bot never loads models, so it
 * cannot know by itself). Written only when it changes.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const retrievalStatusSchema = z.object({
  mode: z.enum(['lexical', 'hybrid']),
  reason: z.string(),
  at: z.string(),
});
export type RetrievalStatus = z.infer<typeof retrievalStatusSchema>;

/** The reason given while the worker prepares the embedding model (lexical answers meanwhile). */
export function stillPreparing(state: 'downloading' | 'loading'): string {
  return `the embedding model is still ${state}`;
}

export const statusKey = (prefix: string): string => `${prefix}:faq:status`;

export class StatusReporter {
  #last = '';

  constructor(private readonly target: () => { redis: Redis; prefix: string } | undefined) {}

  /** Publishes the mode if it changed since the last successful write; never throws. */
  async report(mode: RetrievalStatus['mode'], reason: string): Promise<void> {
    const target = this.target();
    const signature = `${mode}|${reason}`;
    if (!target || signature === this.#last) return;
    const status: RetrievalStatus = { mode, reason, at: new Date().toISOString() };
    await target.redis.set(statusKey(target.prefix), JSON.stringify(status)).then(
      () => (this.#last = signature),
      () => undefined,
    );
  }
}

export async function readStatus(redis: Redis, prefix: string): Promise<RetrievalStatus | undefined> {
  const raw = await redis.get(statusKey(prefix));
  const parsed = raw ? retrievalStatusSchema.safeParse(JSON.parse(raw)) : undefined;
  return parsed?.success ? parsed.data : undefined;
}
