/**
 * Paraphrase embeddings, computed once: kept in memory (shared by every guild's index in this process) and
 * persisted in Redis under the model id and a hash of the text, so that an edit embeds only the changed questions
 * and a restarted worker embeds nothing it has seen before. Query vectors are not stored: they are one-off.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { conventionsFor, type EmbedderConventions } from '../../inference/conventions.ts';
import type { EmbedBatcher } from './batcher.ts';

export { forwardPass, type Embedder, type EmbedNote } from '../../inference/embed.ts';

/** Where vectors are persisted: one Redis hash per model and dtype (vectors of different models never mix). */
export interface Persistence {
  readonly redis: Redis;
  readonly key: string;
}

/**
 * The Redis hash of a model's vectors. It names the input policy too (prefix, pooling, normalisation, length limit):
 * vectors made with another policy are different vectors, so changing the conventions starts a new hash rather than
 * mixing the two (the old one is simply never read again).
 */
export function embeddingKey(
  prefix: string,
  model: string,
  dtype: string,
  conventions: EmbedderConventions = conventionsFor(model, 'embedder').conventions,
): string {
  const policy = createHash('sha256').update(JSON.stringify(conventions)).digest('hex').slice(0, 8);
  return `${prefix}:faq:emb:${model}:${dtype}:${policy}`;
}

const textHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

export class EmbeddingCache {
  readonly #memory = new Map<string, Float32Array>();
  /** Texts sent to the model so far (what "incremental" is measured by). */
  embedded = 0;

  constructor(
    private readonly batcher: EmbedBatcher,
    private readonly persistence: () => Persistence | undefined,
    private readonly maxMemory = 50_000,
  ) {}

  async vectors(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((text) => !this.#memory.has(text)))];
    const store = this.persistence();
    if (missing.length && store) {
      const stored = await store.redis.hmgetBuffer(store.key, ...missing.map(textHash));
      stored.forEach((buffer, i) => {
        if (buffer && buffer.byteLength % 4 === 0)
          this.#remember(
            missing[i] as string,
            new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)),
          );
      });
    }
    const toEmbed = missing.filter((text) => !this.#memory.has(text));
    if (toEmbed.length) {
      const vectors = await this.batcher.vectors(toEmbed);
      this.embedded += toEmbed.length;
      toEmbed.forEach((text, i) => this.#remember(text, vectors[i] as Float32Array));
      if (store) {
        const fields = toEmbed.flatMap((text, i) => [textHash(text), Buffer.from((vectors[i] as Float32Array).buffer.slice(0))]);
        await store.redis.hset(store.key, ...fields);
      }
    }
    return texts.map((text) => {
      const vector = this.#memory.get(text) as Float32Array;
      // Re-insert: a Map iterates in insertion order, so the oldest-used vectors are evicted first.
      this.#memory.delete(text);
      this.#memory.set(text, vector);
      return vector;
    });
  }

  #remember(text: string, vector: Float32Array): void {
    this.#memory.set(text, vector);
    if (this.#memory.size > this.maxMemory) this.#memory.delete(this.#memory.keys().next().value as string);
  }
}
