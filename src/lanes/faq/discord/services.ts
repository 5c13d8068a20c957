/**
 * What the FAQ's Discord handlers work with: the per-server store `/faq` edits, the misses it shows, and the
 * retrieval status workers publish. The bot never builds an index (workers do); it reads and writes the same keys.
 */
import type { Redis } from 'ioredis';
import type { BotServices } from '../../../bot/discord/services.ts';
import type { Config } from '../../../config/index.ts';
import { knowledgeSources } from '../knowledge-sources.ts';
import { MissLog } from '../misses.ts';
import { readStatus, type RetrievalStatus } from '../status.ts';
import { FaqStore } from '../store.ts';
import type { FaqEntry } from '../entry.ts';

export class FaqAdmin {
  readonly store: FaqStore;
  readonly misses: MissLog;
  /** The FAQ file's entries (what DMs are answered from). */
  readonly defaults: () => Promise<readonly FaqEntry[]>;

  constructor(
    private readonly redis: Redis,
    readonly config: Config,
  ) {
    this.defaults = knowledgeSources(config, undefined).defaults;
    this.store = new FaqStore(redis, config.redis.prefix, this.defaults);
    this.misses = new MissLog(redis, config.redis.prefix, config.faq.missRetentionDays * 86_400);
  }

  status(): Promise<RetrievalStatus | undefined> {
    return readStatus(this.redis, this.config.redis.prefix);
  }
}

/** The bot's one FaqAdmin. */
export function faqAdmin(services: BotServices): FaqAdmin {
  return services.shared('faq:admin', () => new FaqAdmin(services.redis, services.config));
}
