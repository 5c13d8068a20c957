/**
 * What travels on the queues besides a lane's own payload: who asked, where the answer goes, and which steps
 * may follow. Workers treat `reply.target` as opaque: only the front end that enqueued the job (Discord
 * adapter, local chat) reads it.
 */
import { z } from 'zod';
import { localeSchema, localTextSchema } from '../i18n/text.ts';
import { followUpSchema } from '../lanes/chain.ts';

const laneName = z.string().regex(/^[a-z]+$/u, 'a lane name');

/** Who asked and where; per-server settings and rate limits key off it. */
export const jobContextSchema = z.strictObject({
  origin: z.enum(['local', 'discord']),
  userId: z.string().min(1),
  guildId: z.string().optional(),
  channelId: z.string().optional(),
  /** The member's Discord client locale (`ja`, `en-US`): a hint for language choices. */
  locale: z.string().optional(),
  /** The language the member reads the bot's texts in. */
  language: localeSchema.optional(),
});

/** Where the worker sends the result: a replies queue and a target only the front end understands. */
export const replyRouteSchema = z.strictObject({
  queue: z.string().regex(/^replies(-[\w-]+)?$/u, 'reply queues are named replies or replies-<name>'),
  target: z.record(z.string(), z.unknown()),
});

/** The data of every lane job. `input` is checked against the lane's own schema. */
export const jobEnvelopeSchema = z.strictObject({
  /** Stable id of what caused the job (Discord message or interaction id): makes job ids deterministic. */
  sourceId: z.string().min(1).max(200),
  input: z.unknown(),
  context: jobContextSchema,
  reply: replyRouteSchema,
  /** Steps that may follow, in order; each runs when its condition holds on this step's output. */
  then: z.array(followUpSchema).max(4).optional(),
  /** Don't post this step's result when a next step follows it. */
  quiet: z.boolean().optional(),
  /** When the member's request was queued (ms since epoch), carried through a chain for end-to-end timing. */
  requestedAt: z.number().optional(),
});

export const replyErrorSchema = z.strictObject({ code: z.string(), message: localTextSchema, reference: z.string().optional() });

/** A finished step, as posted on a replies queue. */
export const replyEnvelopeSchema = z.strictObject({
  jobId: z.string(),
  lane: laneName,
  sourceId: z.string(),
  context: jobContextSchema,
  target: z.record(z.string(), z.unknown()),
  outcome: z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), result: z.unknown() }),
    z.strictObject({ ok: z.literal(false), error: replyErrorSchema }),
  ]),
  /** The lane that continues with this result, when a next step was queued. */
  next: laneName.optional(),
  /** This step is not to be shown when `next` is set. */
  quiet: z.boolean().optional(),
  requestedAt: z.number().optional(),
});

export type JobContext = z.infer<typeof jobContextSchema>;
export type ReplyRoute = z.infer<typeof replyRouteSchema>;
export type JobEnvelope = z.infer<typeof jobEnvelopeSchema>;
export type ReplyEnvelope = z.infer<typeof replyEnvelopeSchema>;
export type ReplyError = z.infer<typeof replyErrorSchema>;
export type { FollowUp } from '../lanes/chain.ts';
