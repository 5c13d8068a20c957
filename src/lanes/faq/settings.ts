/** The FAQ lane's config block (`faq:` in config/default.yaml). */
import { z } from 'zod';

const positiveInt = z.number().int().positive();

export const faqSettingsSchema = z
  .strictObject({
    /** The FAQ every server starts with (YAML, JSON or CSV); relative to the project folder. */
    file: z.string().min(1).default('config/faq.yaml'),
    /** Below this confidence the bot says it does not know; `/faq threshold` overrides it per server. */
    threshold: z.number().min(0).max(1).default(0.121),
    /** The best entry must beat the second by this much, or the bot offers both. */
    margin: z.number().min(0).max(1).default(0.01),
    /** Share of the embedding similarity in the hybrid score (0 = lexical only). */
    denseWeight: z.number().min(0).max(1).default(0.3),
    /** Cosine at or below which the embedding similarity counts as none (model-dependent). */
    denseFloor: z.number().min(-1).lt(1).default(0.7),
    /** How long an FAQ query waits for others to share its embedding forward pass (micro-batching). */
    batchWaitMs: z.number().int().min(0).max(1000).default(5),
    /** Largest embedding forward pass (texts); longer lists are split. */
    batchMax: positiveInt.max(512).default(32),
    /** Days unanswered and 👎 questions are kept for `/faq misses`. */
    missRetentionDays: positiveInt.max(365).default(30),
  })
  .prefault({});

export type FaqSettings = z.output<typeof faqSettingsSchema>;
