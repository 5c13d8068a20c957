/**
 * Per-server glossaries in Redis: one hash per server (`<prefix>:translate:glossary:<guild>`), field = the folded
 * term, value = the entry as JSON. Values are validated on every read; a corrupt one is skipped and logged, never
 * fatal (one bad value must not stop a server's translations).
 */
import { translateMessages as m } from '../messages.ts';
import type { Redis } from 'ioredis';
import { UserError } from '../../../core/errors.ts';
import type { Logger } from '../../../core/logger.ts';
import { glossaryEntrySchema, termKey, type GlossaryEntry } from './entry.ts';

export interface GlossaryStoreOptions {
  readonly redis: Redis;
  readonly prefix: string;
  /** @defaultValue 500 */
  readonly maxTerms?: number;
  readonly logger?: Logger | undefined;
}

export class GlossaryStore {
  constructor(private readonly options: GlossaryStoreOptions) {}

  key(guildId: string): string {
    return `${this.options.prefix}:translate:glossary:${guildId}`;
  }

  /** The server's entries, sorted by term; corrupt values are skipped and logged. */
  async list(guildId: string): Promise<GlossaryEntry[]> {
    const stored = await this.options.redis.hgetall(this.key(guildId));
    const entries: GlossaryEntry[] = [];
    for (const [field, json] of Object.entries(stored)) {
      const parsed = glossaryEntrySchema.safeParse(safeJson(json));
      if (parsed.success) entries.push(parsed.data);
      else this.options.logger?.warn({ guildId, field, issue: parsed.error.issues[0]?.message }, 'skipped a corrupt glossary entry');
    }
    return entries.sort((a, b) => a.term.localeCompare(b.term));
  }

  /** Adds or replaces the entry for its term. */
  async add(guildId: string, input: unknown): Promise<GlossaryEntry> {
    const entry = parseEntry(input);
    const key = this.key(guildId);
    const field = termKey(entry.term);
    const max = this.options.maxTerms ?? 500;
    const [exists, size] = await Promise.all([this.options.redis.hexists(key, field), this.options.redis.hlen(key)]);
    if (!exists && size >= max) throw new UserError('bad_request', m.glossaryFull(max));
    await this.options.redis.hset(key, field, JSON.stringify(entry));
    return entry;
  }

  /** Removes a term; false when there was none. */
  async remove(guildId: string, term: string): Promise<boolean> {
    return (await this.options.redis.hdel(this.key(guildId), termKey(term))) > 0;
  }

  /** Replaces the whole glossary (import), in one transaction. */
  async replaceAll(guildId: string, entries: readonly GlossaryEntry[]): Promise<void> {
    const max = this.options.maxTerms ?? 500;
    if (entries.length > max) throw new UserError('bad_request', m.glossaryTooMany(entries.length, max));
    const key = this.key(guildId);
    const multi = this.options.redis.multi().del(key);
    if (entries.length) multi.hset(key, Object.fromEntries(entries.map((entry) => [termKey(entry.term), JSON.stringify(entry)])));
    await multi.exec();
  }
}

function parseEntry(input: unknown): GlossaryEntry {
  const parsed = glossaryEntrySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message = issue?.code === 'invalid_key' ? 'use language codes such as ja or en' : (issue?.message ?? 'invalid');
  throw new UserError('bad_request', m.glossaryTermInvalid(`${issue?.path.join('.') || 'term'}: ${message}`));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
