/**
 * The bot's small Redis state: events already handled (gateway replays), placeholders and messages already posted
 * for a reply (so a re-delivered reply edits instead of posting twice), rate-limit windows, and the members who
 * opted out of automatic processing. Every key lives under the configured prefix; all but the opt-out expire.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';

const DAY = 86_400;
const postedSchema = z.array(z.string());

export class BotStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  #key(...parts: string[]): string {
    return [this.prefix, 'bot', ...parts].join(':');
  }

  /** True the first time an event id is seen (per kind), false on a replay. */
  async firstSeen(kind: string, id: string): Promise<boolean> {
    return (await this.redis.set(this.#key('seen', kind, id), '1', 'EX', DAY, 'NX')) === 'OK';
  }

  /** Claims `id` for `owner` unless someone claimed it already; returns the owner. */
  async claim(kind: string, id: string, owner: string): Promise<string> {
    const key = this.#key('claim', kind, id);
    await this.redis.set(key, owner, 'EX', DAY, 'NX');
    return (await this.redis.get(key)) ?? owner;
  }

  /** Who claimed `id`, if anyone. */
  async owner(kind: string, id: string): Promise<string | null> {
    return this.redis.get(this.#key('claim', kind, id));
  }

  /** The message ids already posted for a reply job. */
  async posted(jobId: string): Promise<string[] | null> {
    const value = await this.redis.get(this.#key('posted', jobId));
    if (!value) return null;
    try {
      const parsed = postedSchema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** The placeholder message shown for a request (by its source id), once posted. */
  async placeholder(sourceId: string): Promise<string | null> {
    return this.redis.get(this.#key('placeholder', sourceId));
  }

  async setPlaceholder(sourceId: string, messageId: string): Promise<void> {
    await this.redis.set(this.#key('placeholder', sourceId), messageId, 'EX', DAY);
  }

  async recordPosted(jobId: string, messageIds: readonly string[]): Promise<void> {
    await this.redis.set(this.#key('posted', jobId), JSON.stringify(messageIds), 'EX', DAY * 7);
  }

  /** Whether the user asked not to have their messages processed automatically. */
  async optedOut(userId: string): Promise<boolean> {
    return (await this.redis.exists(this.#key('user', userId, 'optout'))) === 1;
  }

  async setOptOut(userId: string, optOut: boolean): Promise<void> {
    if (optOut) await this.redis.set(this.#key('user', userId, 'optout'), '1');
    else await this.redis.del(this.#key('user', userId, 'optout'));
  }

  /**
   * Deletes everything stored under the member's namespace (histories, language, rate windows) except the opt-out
   * flag, which protects them. Returns how many records were deleted. Lanes delete what they keep elsewhere.
   */
  async forgetUser(userId: string): Promise<number> {
    let deleted = 0;
    for (const pattern of [this.#key('user', userId, '*'), this.#key('rate', 'user', userId, '*')]) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
        cursor = next;
        const doomed = keys.filter((key) => !key.endsWith(':optout'));
        if (doomed.length) deleted += await this.redis.del(...doomed);
      } while (cursor !== '0');
    }
    return deleted;
  }

  /**
   * Counts one request in a fixed one-minute window. Returns 0 when allowed, else the seconds until
   * the window resets.
   */
  async rateLimit(scope: string, id: string, perMinute: number): Promise<number> {
    const window = Math.floor(Date.now() / 60_000);
    const key = this.#key('rate', scope, id, String(window));
    // Two plain commands in one tick (auto-pipelined into one write with the rest of the tick) instead of a MULTI:
    // a MULTI is written to the socket on its own, and a burst of requests paid one syscall each.
    const [count] = await Promise.all([this.redis.incr(key), this.redis.expire(key, 120)]);
    if (count <= perMinute) return 0;
    return Math.max(1, Math.ceil(((window + 1) * 60_000 - Date.now()) / 1000));
  }
}
