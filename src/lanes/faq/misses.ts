/**
 * Questions the FAQ could not answer and answers members marked 👎, kept per guild for `faq.missRetentionDays`
 * so that admins can turn them into entries. Only the question text is kept: no user id, nothing to forget per user.
 * A stored value that does not parse or validate is skipped and logged, never fatal.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../core/logger.ts';
import { parseStored, preview } from '../../core/stored-json.ts';
import { normalize, words } from './retrieval/tokenize.ts';

/** Newest misses kept per guild, whatever the retention: bounds memory on a busy server. */
const MAX_MISSES = 1000;

const missSchema = z.object({
  question: z.string(),
  kind: z.enum(['unknown', 'downvote']),
  /** The entry that was answered (👎) or came closest (unknown). */
  entryId: z.string().optional(),
  at: z.number(),
});
export type Miss = z.infer<typeof missSchema>;

export interface MissGroup {
  /** Stable short id of the normalized question, used by `/faq learn`. */
  readonly key: string;
  readonly question: string;
  readonly count: number;
  readonly downvotes: number;
  /** The entry most often involved, if any. */
  readonly entryId?: string;
  readonly last: number;
}

/** What an FAQ job was asked and, when it answered, with which entry. */
const answeredSchema = z.object({ guildId: z.string(), question: z.string(), entryId: z.string().optional() });
export type Answered = z.infer<typeof answeredSchema>;

/** Same words, same group: case, width, accents and punctuation do not make a different question. */
export function missKey(question: string): string {
  return createHash('sha256')
    .update(words(normalize(question)).join(' '))
    .digest('hex')
    .slice(0, 8);
}

export class MissLog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly retentionSec: number,
    private readonly logger?: Logger,
  ) {}

  #key(guildId: string): string {
    return `${this.prefix}:faq:guild:${guildId}:misses`;
  }

  async record(guildId: string, miss: Omit<Miss, 'at'>, now = Date.now()): Promise<void> {
    const key = this.#key(guildId);
    const member = JSON.stringify({ ...miss, at: now, n: randomUUID().slice(0, 8) });
    await this.redis
      .multi()
      .zadd(key, now, member)
      .zremrangebyscore(key, '-inf', now - this.retentionSec * 1000)
      .zremrangebyrank(key, 0, -MAX_MISSES - 1)
      .expire(key, this.retentionSec)
      .exec();
  }

  /** Misses within the retention, grouped by normalized question, most frequent first. */
  async groups(guildId: string, now = Date.now()): Promise<MissGroup[]> {
    const raw = await this.redis.zrangebyscore(this.#key(guildId), now - this.retentionSec * 1000, '+inf');
    const groups = new Map<string, { question: string; count: number; downvotes: number; entries: Map<string, number>; last: number }>();
    for (const member of raw) {
      const parsed = parseStored(missSchema, member);
      if (!parsed.ok) {
        this.logger?.warn({ guildId, problem: parsed.problem, value: preview(member) }, 'skipped a corrupt stored FAQ miss');
        continue;
      }
      const miss = parsed.value;
      const key = missKey(miss.question);
      const group = groups.get(key) ?? { question: miss.question, count: 0, downvotes: 0, entries: new Map<string, number>(), last: 0 };
      group.count++;
      if (miss.kind === 'downvote') group.downvotes++;
      if (miss.entryId) group.entries.set(miss.entryId, (group.entries.get(miss.entryId) ?? 0) + 1);
      group.last = Math.max(group.last, miss.at);
      groups.set(key, group);
    }
    return [...groups]
      .map(([key, g]) => {
        const entryId = [...g.entries].sort((a, b) => b[1] - a[1])[0]?.[0];
        return { key, question: g.question, count: g.count, downvotes: g.downvotes, last: g.last, ...(entryId ? { entryId } : {}) };
      })
      .sort((a, b) => b.count - a.count || b.last - a.last);
  }

  /** Removes a group (once it became an entry or a paraphrase) and returns its question. */
  async take(guildId: string, key: string): Promise<MissGroup | undefined> {
    const group = (await this.groups(guildId)).find((g) => g.key === key);
    if (!group) return undefined;
    const raw = await this.redis.zrangebyscore(this.#key(guildId), '-inf', '+inf');
    const doomed = raw.filter((member) => {
      const parsed = parseStored(missSchema, member);
      return parsed.ok && missKey(parsed.value.question) === key;
    });
    if (doomed.length) await this.redis.zrem(this.#key(guildId), ...doomed);
    return group;
  }

  /** Remembers what an FAQ job was asked and answered: a 👎 or a suggestion click is traced back to the question. */
  async rememberAnswer(jobId: string, answered: Answered): Promise<void> {
    await this.redis.set(`${this.prefix}:faq:answered:${jobId}`, JSON.stringify(answered), 'EX', this.retentionSec);
  }

  async answered(jobId: string): Promise<Answered | undefined> {
    const raw = await this.redis.get(`${this.prefix}:faq:answered:${jobId}`);
    if (raw === null) return undefined;
    const parsed = parseStored(answeredSchema, raw);
    if (parsed.ok) return parsed.value;
    this.logger?.warn({ jobId, problem: parsed.problem, value: preview(raw) }, 'skipped a corrupt stored FAQ answer');
    return undefined;
  }
}
