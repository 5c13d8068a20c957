/** The FAQ lane's config block (`faq:` in config/default.yaml). */
import { z } from 'zod';

const positiveInt = z.number().int().positive();

export const faqSettingsSchema = z
  .strictObject({
    /** The FAQ every server starts with (YAML, JSON or CSV); relative to the project folder. */
    file: z.string().min(1).default('config/faq.yaml'),
    /** Below this confidence the bot says it does not know; `/faq threshold` overrides it per server. */
    threshold: z.number().min(0).max(1).default(0.121),
    /** The best entry must beat the second by this share of the top scores' spread, or the bot offers both. */
    margin: z.number().min(0).max(1).default(0.02),
    /** Share of the embedding similarity in the hybrid score (0 = lexical only). */
    denseWeight: z.number().min(0).max(1).default(0.3),
    /**
     * Least coverage of the question by the answering entry (lexical similarity, or the embedding similarity
     * rescaled): a small FAQ lets nonsense score over the threshold, this keeps it out.
     */
    minSimilarity: z.number().min(0).max(1).default(0.1),
    /**
     * The same for a question asked the natural way (a mention, a DM), where most messages are chatter: "still
     * there?" must not get the entry that merely shares a word. Measured on CLINC150: 0.744 accuracy, 13.8% refused,
     * OOS recall 0.758 (lexical); what the FAQ does not answer, chat answers, grounded in the same entries.
     */
    questionMinSimilarity: z.number().min(0).max(1).default(0.2),
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
