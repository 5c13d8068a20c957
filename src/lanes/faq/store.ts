/**
 * Per-guild FAQs in Redis, shared by the bot (`/faq`), the CLI (`npm run faq`) and every worker.
 *
 * A guild's FAQ *extends* the shared file (`faq.file`): its entries are added to the file's, an entry with a file
 * entry's id replaces it (that is how `/faq edit` changes a shipped answer), and removing a file entry stores a
 * tombstone. `import --replace` turns the file's entries off for that guild. Every change increments the guild's
 * version in the same transaction; workers compare it on each job and rebuild their index when it moved, so changes
 * apply at once in every process without a restart or a pub/sub channel that could miss a message.
 *
 * A stored value that does not parse or validate is skipped and logged: one bad entry must not take the
 * rest of the server's FAQ down with it.
 */
import type { Redis } from 'ioredis';
import { UserError } from '../../core/errors.ts';
import { faqMessages } from './messages.ts';
import type { Logger } from '../../core/logger.ts';
import { parseStored, preview } from '../../core/stored-json.ts';
import { faqEntrySchema, type FaqEntry } from './entry.ts';

/** Bounds one guild's FAQ so that an index rebuild stays well under a second. */
export const MAX_GUILD_ENTRIES = 2000;
const TOMBSTONE = 'null';

export type EntrySource = 'file' | 'server';

export interface GuildFaq {
  /** 0 for a guild that never changed its FAQ (it uses the file's entries as they are). */
  readonly version: number;
  readonly entries: readonly FaqEntry[];
  readonly sources: ReadonlyMap<string, EntrySource>;
  /** The guild's own confidence threshold, or null for `faq.threshold`. */
  readonly threshold: number | null;
  /** Whether the file's entries are part of this guild's FAQ. */
  readonly defaults: boolean;
}

export class FaqStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly defaults: () => Promise<readonly FaqEntry[]>,
    private readonly logger?: Logger,
  ) {}

  key(guildId: string, part: 'entries' | 'settings' | 'version' | 'misses'): string {
    return `${this.prefix}:faq:guild:${guildId}:${part}`;
  }

  async version(guildId: string): Promise<number> {
    return Number((await this.redis.get(this.key(guildId, 'version'))) ?? 0);
  }

  /** The guild's FAQ as one consistent read (MULTI), merged with the file's entries. */
  async snapshot(guildId: string): Promise<GuildFaq> {
    const results = await this.redis
      .multi()
      .get(this.key(guildId, 'version'))
      .hgetall(this.key(guildId, 'entries'))
      .hgetall(this.key(guildId, 'settings'))
      .exec();
    const [version, stored, settings] = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    }) as [string | null, Record<string, string>, Record<string, string>];
    const defaults = settings.defaults !== 'off';
    const own = this.#ownEntries(guildId, stored);
    const entries: FaqEntry[] = [];
    const sources = new Map<string, EntrySource>();
    for (const entry of defaults ? await this.defaults() : []) {
      if (own.has(entry.id)) continue;
      entries.push(entry);
      sources.set(entry.id, 'file');
    }
    for (const [id, entry] of [...own].sort(([a], [b]) => a.localeCompare(b))) {
      if (!entry) continue;
      entries.push(entry);
      sources.set(id, 'server');
    }
    return { version: Number(version ?? 0), entries, sources, threshold: this.#threshold(guildId, settings.threshold), defaults };
  }

  /** The guild's stored entries by id (`null` = tombstone); corrupt values are left out and logged. */
  #ownEntries(guildId: string, stored: Record<string, string>): Map<string, FaqEntry | null> {
    const own = new Map<string, FaqEntry | null>();
    for (const [id, json] of Object.entries(stored)) {
      if (json === TOMBSTONE) {
        own.set(id, null);
        continue;
      }
      const parsed = parseStored(faqEntrySchema, json);
      if (parsed.ok) own.set(id, parsed.value);
      else this.logger?.warn({ guildId, entryId: id, problem: parsed.problem, value: preview(json) }, 'skipped a corrupt stored FAQ entry');
    }
    return own;
  }

  #threshold(guildId: string, stored: string | undefined): number | null {
    if (stored === undefined) return null;
    const value = Number(stored);
    if (Number.isFinite(value) && value >= 0 && value <= 1) return value;
    this.logger?.warn({ guildId, value: preview(stored) }, 'ignored a corrupt stored FAQ threshold');
    return null;
  }

  async get(guildId: string, id: string): Promise<FaqEntry | undefined> {
    return (await this.snapshot(guildId)).entries.find((entry) => entry.id === id);
  }

  /** Adds a new entry; its id must not be taken. */
  async add(guildId: string, entry: FaqEntry): Promise<void> {
    const current = await this.snapshot(guildId);
    if (current.sources.has(entry.id)) throw new UserError('bad_request', faqMessages.idTaken(entry.id));
    if (current.entries.length >= MAX_GUILD_ENTRIES) throw new UserError('bad_request', faqMessages.full(MAX_GUILD_ENTRIES));
    await this.#write(guildId, (multi) => multi.hset(this.key(guildId, 'entries'), entry.id, JSON.stringify(entry)));
  }

  /** Replaces an existing entry (a file entry gets a server copy that overrides it). */
  async put(guildId: string, entry: FaqEntry): Promise<void> {
    await this.#write(guildId, (multi) => multi.hset(this.key(guildId, 'entries'), entry.id, JSON.stringify(entry)));
  }

  /** Removes an entry; a file entry is hidden with a tombstone (deleting the override would bring it back). */
  async remove(guildId: string, id: string): Promise<FaqEntry> {
    const current = await this.snapshot(guildId);
    const entry = current.entries.find((e) => e.id === id);
    if (!entry) throw new UserError('bad_request', faqMessages.noEntry(id));
    const fromFile = (await this.defaults()).some((e) => e.id === id);
    await this.#write(guildId, (multi) =>
      fromFile ? multi.hset(this.key(guildId, 'entries'), id, TOMBSTONE) : multi.hdel(this.key(guildId, 'entries'), id),
    );
    return entry;
  }

  /** `merge` adds or replaces entries by id; `replace` makes `entries` the guild's whole FAQ (file entries off). */
  async import(guildId: string, entries: readonly FaqEntry[], mode: 'merge' | 'replace'): Promise<{ added: number; replaced: number }> {
    const current = mode === 'merge' ? await this.snapshot(guildId) : undefined;
    const existing = new Set(current?.sources.keys() ?? []);
    const total = new Set([...existing, ...entries.map((e) => e.id)]).size;
    if (total > MAX_GUILD_ENTRIES) throw new UserError('bad_request', faqMessages.tooMany(total, MAX_GUILD_ENTRIES));
    const fields = entries.flatMap((entry) => [entry.id, JSON.stringify(entry)]);
    await this.#write(guildId, (multi) => {
      if (mode === 'replace') multi.del(this.key(guildId, 'entries')).hset(this.key(guildId, 'settings'), 'defaults', 'off');
      return multi.hset(this.key(guildId, 'entries'), ...fields);
    });
    const replaced = entries.filter((e) => existing.has(e.id)).length;
    return { added: entries.length - replaced, replaced };
  }

  /** The guild's own threshold, or `null` to go back to `faq.threshold`. */
  async setThreshold(guildId: string, threshold: number | null): Promise<void> {
    await this.#write(guildId, (multi) =>
      threshold === null
        ? multi.hdel(this.key(guildId, 'settings'), 'threshold')
        : multi.hset(this.key(guildId, 'settings'), 'threshold', String(threshold)),
    );
  }

  /** Guilds that have their own FAQ data, with their entry counts (for `npm run faq -- list`). */
  async guilds(): Promise<string[]> {
    const found = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:faq:guild:*:version`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) found.add(key.slice(`${this.prefix}:faq:guild:`.length, -':version'.length));
    } while (cursor !== '0');
    return [...found].sort();
  }

  async #write(guildId: string, change: (multi: ReturnType<Redis['multi']>) => ReturnType<Redis['multi']>): Promise<void> {
    const results = await change(this.redis.multi()).incr(this.key(guildId, 'version')).exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0] as Error;
  }
}
