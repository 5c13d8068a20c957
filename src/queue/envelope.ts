/**
 * What travels on the queues besides a lane's own payload: who asked, where the answer goes, and what
 * to do with the result next. Workers treat `reply.target` as opaque: only the front end that
 * enqueued the job (Discord adapter, local chat) reads it.
 */
import { z } from 'zod';
import { LANE_NAMES } from '../lanes/names.ts';

/** Who asked and where; per-guild settings and rate limits key off it. */
export const jobContextSchema = z.strictObject({
  origin: z.enum(['local', 'discord']),
  userId: z.string().min(1),
  guildId: z.string().optional(),
  channelId: z.string().optional(),
  /** The user's locale (Discord sends one); a hint for language choices. */
  locale: z.string().optional(),
});

/** Where the worker sends the result: a replies queue and a target only the front end understands. */
export const replyRouteSchema = z.strictObject({
  queue: z.string().regex(/^replies(-[\w-]+)?$/u, 'reply queues are named replies or replies-<name>'),
  target: z.record(z.string(), z.unknown()),
});

/** A step to run on the previous step's text (e.g. transcribe → faq). Each step is its own job. */
export const followUpSchema = z.discriminatedUnion('lane', [
  z.strictObject({ lane: z.literal('faq') }),
  z.strictObject({ lane: z.literal('translate'), to: z.string().regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/u) }),
  z.strictObject({ lane: z.literal('generate') }),
]);

/** The data of every lane job. `input` is checked against the lane's own schema. */
export const jobEnvelopeSchema = z.strictObject({
  /** Stable id of what caused the job (Discord message or interaction id): makes job ids deterministic. */
  sourceId: z.string().min(1).max(200),
  input: z.unknown(),
  context: jobContextSchema,
  reply: replyRouteSchema,
  then: z.array(followUpSchema).max(3).optional(),
});

/** A finished step, as posted on a replies queue. */
export const replyEnvelopeSchema = z.strictObject({
  jobId: z.string(),
  lane: z.enum(LANE_NAMES),
  sourceId: z.string(),
  context: jobContextSchema,
  target: z.record(z.string(), z.unknown()),
  outcome: z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), result: z.unknown() }),
    z.strictObject({
      ok: z.literal(false),
      error: z.strictObject({ code: z.string(), message: z.string(), reference: z.string().optional() }),
    }),
  ]),
  /** The lane that continues with this result, when the job had follow-ups. */
  next: z.enum(LANE_NAMES).optional(),
});

export type JobContext = z.infer<typeof jobContextSchema>;
export type ReplyRoute = z.infer<typeof replyRouteSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type JobEnvelope = z.infer<typeof jobEnvelopeSchema>;
export type ReplyEnvelope = z.infer<typeof replyEnvelopeSchema>;
