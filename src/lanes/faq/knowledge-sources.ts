/**
 * Where a server's FAQ comes from: the shared file (`faq.file`) and, with Redis, the server's own entries. One
 * place builds both, so the FAQ lane and chat grounding read the same index of the same entries.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { projectPath } from '../../core/paths.ts';
import type { FaqEntry } from './entry.ts';
import { loadFaqFile } from './faq-file.ts';
import { retryingOnce } from './knowledge-cache.ts';
import { FaqStore } from './store.ts';

export interface KnowledgeSources {
  /** The file's entries, loaded once (a failed load is retried on the next call). */
  readonly defaults: () => Promise<readonly FaqEntry[]>;
  /** The per-server store, or undefined without Redis (file entries only). */
  readonly store: () => FaqStore | undefined;
}

export function knowledgeSources(config: Config, redis: Redis | undefined): KnowledgeSources {
  const defaults = retryingOnce(() => loadFaqFile(projectPath(config.faq.file)));
  const store = redis ? new FaqStore(redis, config.redis.prefix, defaults) : undefined;
  return { defaults, store: () => store };
}
