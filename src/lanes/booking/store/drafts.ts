/**
 * Drafts: a booking, change or cancellation the member has not confirmed yet. The parser and the panel only ever
 * make drafts; a draft becomes a booking when its owner presses Confirm. Drafts expire on their own.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { bookingIdSchema, draftIdSchema, localeSchema, resourceIdSchema } from '../model.ts';
import { localDateSchema } from '../time/civil.ts';
import { draftKey } from './keys.ts';

export const draftSchema = z.strictObject({
  id: draftIdSchema,
  kind: z.enum(['book', 'move', 'cancel']),
  guildId: z.string().min(1),
  userId: z.string().min(1),
  resourceId: resourceIdSchema,
  start: z.number().int(),
  end: z.number().int(),
  party: z.number().int().min(1).max(1000),
  name: z.string().max(100),
  note: z.string().max(500),
  locale: localeSchema,
  channelId: z.string().optional(),
  /** The booking a move or cancel is about. */
  bookingId: bookingIdSchema.optional(),
  /** For a move: where the booking was. */
  previousStart: z.number().int().optional(),
  /** How an ambiguous slash date was read, to show on the card. */
  slashDate: z.strictObject({ text: z.string(), date: localDateSchema }).optional(),
  createdAt: z.number().int(),
});
export type Draft = z.infer<typeof draftSchema>;

export class DraftStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSec: number,
  ) {}

  async save(draft: Draft): Promise<Draft> {
    const valid = draftSchema.parse(draft);
    await this.redis.set(draftKey(this.prefix, valid.id), JSON.stringify(valid), 'EX', this.ttlSec);
    return valid;
  }

  async get(draftId: string): Promise<Draft | undefined> {
    const raw = await this.redis.get(draftKey(this.prefix, draftId));
    return raw === null ? undefined : draftSchema.parse(JSON.parse(raw));
  }

  async delete(draftId: string): Promise<void> {
    await this.redis.del(draftKey(this.prefix, draftId));
  }
}
