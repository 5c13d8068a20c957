/**
 * A member's half-finished booking conversation ("for how many?" — "3"), kept in Redis with a TTL so it survives
 * a restart and is forgotten when the member walks away.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { bookingIdSchema, localeSchema, resourceIdSchema } from '../model.ts';
import { localDateSchema } from '../time/civil.ts';
import { conversationKey } from './keys.ts';

export const conversationSchema = z.strictObject({
  intent: z.enum(['book', 'change', 'cancel', 'list']),
  resourceId: resourceIdSchema.optional(),
  date: localDateSchema.optional(),
  minutes: z.number().int().min(0).max(1439).optional(),
  timeAmbiguous: z.boolean().optional(),
  party: z.number().int().min(1).optional(),
  bookingId: bookingIdSchema.optional(),
  slashDate: z.strictObject({ text: z.string(), date: localDateSchema }).optional(),
  /** The language the conversation started in, so a bare "2" is answered in it too. */
  locale: localeSchema.optional(),
  /** The question last asked, so a bare "3" or "7" answers it. */
  awaiting: z.enum(['resource', 'date', 'time', 'party', 'booking']).optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export class ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSec: number,
  ) {}

  async get(scope: string, userId: string): Promise<Conversation | undefined> {
    const raw = await this.redis.get(conversationKey(this.prefix, scope, userId));
    if (raw === null) return undefined;
    const parsed = conversationSchema.safeParse(JSON.parse(raw));
    // A state written by an older version is dropped rather than half-used.
    return parsed.success ? parsed.data : undefined;
  }

  async save(scope: string, userId: string, state: Conversation): Promise<void> {
    await this.redis.set(conversationKey(this.prefix, scope, userId), JSON.stringify(conversationSchema.parse(state)), 'EX', this.ttlSec);
  }

  /** A SCAN pattern matching every conversation of a member. */
  keyPattern(userId: string): string {
    return conversationKey(this.prefix, '*', userId);
  }

  async clear(scope: string, userId: string): Promise<void> {
    await this.redis.del(conversationKey(this.prefix, scope, userId));
  }
}
