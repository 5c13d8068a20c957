/**
 * The index each guild's questions are answered from, rebuilt when the guild's FAQ version moves. Guilds that never
 * changed their FAQ share the index of the file's entries. Checking costs one Redis GET per job.
 */
import type { EntryVectors } from './dense.ts';
import type { FaqEntry } from './entry.ts';
import { buildLexicalIndex, type LexicalIndex } from './retrieval/lexical.ts';
import type { FaqStore } from './store.ts';
import { buildTriggerMatcher, type TriggerMatcher } from './triggers.ts';

export interface KnowledgeBase {
  readonly version: number;
  readonly entries: readonly FaqEntry[];
  readonly byId: ReadonlyMap<string, FaqEntry>;
  readonly lexical: LexicalIndex;
  readonly trigger: TriggerMatcher;
  /** The guild's own threshold, or null for `faq.threshold`. */
  readonly threshold: number | null;
  /** The embedding index, built on first use (and only when the model is available). */
  dense?: Promise<EntryVectors>;
}

export function buildKnowledge(entries: readonly FaqEntry[], version = 0, threshold: number | null = null): KnowledgeBase {
  return {
    version,
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    lexical: buildLexicalIndex(entries),
    trigger: buildTriggerMatcher(entries),
    threshold,
  };
}

export class KnowledgeCache {
  #defaults: Promise<KnowledgeBase> | undefined;
  readonly #guilds = new Map<string, { readonly version: number; readonly kb: Promise<KnowledgeBase> }>();

  /**
   * @param loadDefaults The file's entries.
   * @param store The per-guild store, or undefined while no Redis is connected (file entries only).
   * @param maxGuilds Indexes kept in memory; the least recently built is dropped first.
   */
  constructor(
    private readonly loadDefaults: () => Promise<readonly FaqEntry[]>,
    private readonly store: () => FaqStore | undefined,
    private readonly maxGuilds = 200,
  ) {}

  async get(guildId: string | undefined): Promise<KnowledgeBase> {
    const store = guildId ? this.store() : undefined;
    if (!guildId || !store) return this.#fileKnowledge();
    const version = await store.version(guildId);
    if (version === 0) return this.#fileKnowledge();
    const cached = this.#guilds.get(guildId);
    if (cached?.version === version) return cached.kb;
    const kb = store.snapshot(guildId).then((faq) => buildKnowledge(faq.entries, faq.version, faq.threshold));
    this.#guilds.delete(guildId);
    this.#guilds.set(guildId, { version, kb });
    if (this.#guilds.size > this.maxGuilds) this.#guilds.delete(this.#guilds.keys().next().value as string);
    kb.catch(() => {
      if (this.#guilds.get(guildId)?.kb === kb) this.#guilds.delete(guildId);
    });
    return kb;
  }

  #fileKnowledge(): Promise<KnowledgeBase> {
    const kb = (this.#defaults ??= this.loadDefaults().then((entries) => buildKnowledge(entries)));
    kb.catch(() => {
      if (this.#defaults === kb) this.#defaults = undefined;
    });
    return kb;
  }
}

/** `load` run once and shared by every caller; a failure is forgotten so the next call tries again. */
export function retryingOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    const current = (loading ??= load());
    current.catch(() => {
      if (loading === current) loading = undefined;
    });
    return current;
  };
}
