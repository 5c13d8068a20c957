/**
 * The bot's small Redis state: events already handled (gateway replays), messages already posted for
 * a reply (so a re-delivered reply edits instead of posting twice), rate-limit windows, the bot's own
 * message → job map for cancel buttons. Every key lives under the configured prefix and expires.
 */
import type { Redis } from 'ioredis';
import { ChatMemory } from './memory.ts';

const DAY = 86_400;

export class BotStore {
  /** DM and thread chat histories (src/bot/discord/memory.ts). */
  readonly chat: ChatMemory;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.chat = new ChatMemory(redis, prefix);
  }

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

  /** The message ids already posted for a reply job. */
  async posted(jobId: string): Promise<string[] | null> {
    const value = await this.redis.get(this.#key('posted', jobId));
    return value ? (JSON.parse(value) as string[]) : null;
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
   * Deletes everything stored under the user's namespace (histories, feedback, rate windows) except
   * the opt-out flag, which protects them. Returns how many records were deleted.
   */
  async forgetUser(userId: string): Promise<number> {
    // Shared thread histories first: their index lives under the user's namespace deleted below.
    let deleted = await this.chat.forgetUser(userId);
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
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 120).exec()) as [[unknown, number]];
    if (count <= perMinute) return 0;
    return Math.max(1, Math.ceil(((window + 1) * 60_000 - Date.now()) / 1000));
  }
}
