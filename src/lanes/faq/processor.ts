/**
 * FAQ answering: an entry's trigger wins; otherwise lexical retrieval (works before any model is downloaded) fused
 * with dense similarity from the multilingual embedding model when it is available. Below the guild's confidence
 * threshold, or when the top two are too close, the answer is "I don't know" with the closest entries as
 * suggestions, and the question is kept as a miss for the guild's admins.
 *
 * Each job reads its guild's FAQ version (one Redis GET) and rebuilds that guild's index when it moved, so edits made
 * from Discord or the CLI apply at once in every worker.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import type { LaneProcessor } from '../process-context.ts';
import { EmbedBatcher } from './batcher.ts';
import { EntryVectors } from './dense.ts';
import { EmbeddingCache, embeddingKey, forwardPass, type Embedder } from './embeddings.ts';
import { KnowledgeCache, type KnowledgeBase } from './knowledge-cache.ts';
import { knowledgeSources } from './knowledge-sources.ts';
import { MissLog } from './misses.ts';
import { decide } from './retrieval/decide.ts';
import type { RankedEntry } from './retrieval/lexical.ts';
import type { FaqInput, FaqResult } from './schema.ts';
import { detectSmallTalk } from './small-talk.ts';
import { StatusReporter, stillPreparing } from './status.ts';

export interface FaqDeps {
  readonly config: Config;
  /** `preparing` (absent in tests that wrap `load`) lets a job answer lexically instead of waiting for the model. */
  readonly runtime: Pick<ModelRuntime, 'load'> & Partial<Pick<ModelRuntime, 'preparing'>>;
  readonly logger: Logger;
  /** Redis for server FAQs, misses, embeddings and status; without it only the FAQ file answers (tests). */
  readonly redis?: Redis;
}

interface Dense {
  readonly embedder: unknown;
  readonly cache: EmbeddingCache;
  readonly batcher: EmbedBatcher;
}

export function createFaqProcessor({ config, runtime, logger, redis }: FaqDeps): LaneProcessor<FaqInput, FaqResult> {
  const lane = config.lanes.faq;
  const { margin, denseWeight, denseFloor, batchWaitMs, batchMax, missRetentionDays } = config.faq;
  const prefix = config.redis.prefix;
  const sources = knowledgeSources(config, redis);
  const knowledge = new KnowledgeCache(sources.defaults, sources.store);
  const status = new StatusReporter(() => (redis ? { redis, prefix } : undefined));
  const misses = redis ? new MissLog(redis, prefix, missRetentionDays * 86_400) : undefined;
  let dense: Dense | undefined;
  let denseWarned = false;

  /** The embedding side, or the reason there is none (lexical only). */
  const loadDense = async (): Promise<Dense | string> => {
    if (denseWeight === 0) return 'faq.denseWeight is 0 (lexical only by configuration)';
    const spec = { task: 'feature-extraction', model: lane.model, dtype: lane.dtype, device: lane.device } as const;
    // A fresh install: the question is answered now from the lexical index, not after the download.
    const preparing = runtime.preparing?.(spec);
    if (preparing) return stillPreparing(preparing);
    try {
      const embedder = await runtime.load(spec);
      if (dense?.embedder !== embedder) {
        const note = (message: string, detail: Record<string, unknown>) => logger.info({ ...detail, model: lane.model }, message);
        const batcher = new EmbedBatcher(forwardPass(embedder as unknown as Embedder, lane.model, note), batchWaitMs, batchMax);
        const persistence = () => (redis ? { redis, key: embeddingKey(prefix, lane.model, lane.dtype) } : undefined);
        dense = { embedder, batcher, cache: new EmbeddingCache(batcher, persistence) };
      }
      return dense;
    } catch (error) {
      if (!denseWarned) logger.warn({ err: error }, 'FAQ embedding model unavailable: answering from the lexical index only');
      denseWarned = true;
      return `embedding model ${lane.model} unavailable: ${(error as Error).message.split('\n')[0]}`;
    }
  };

  /** Hybrid scores, or null when the model is unavailable or fails (the lexical ranking then stands alone). */
  const hybrid = async (
    kb: KnowledgeBase,
    question: string,
    lexical: readonly RankedEntry[],
    jobLogger: Logger,
  ): Promise<RankedEntry[] | null> => {
    const loaded = await loadDense();
    if (typeof loaded === 'string') {
      await status.report('lexical', loaded);
      return null;
    }
    try {
      const index = (kb.dense ??= loaded.cache
        .vectors(kb.entries.flatMap((e) => e.questions))
        .then((vectors) => new EntryVectors(kb.entries, vectors)));
      kb.dense.catch(() => kb.dense === index && delete kb.dense);
      const [[query], denseIndex] = await Promise.all([loaded.batcher.vectors([question]), index]);
      await status.report('hybrid', `embedding model ${lane.model} loaded`);
      return fuse(lexical, denseIndex.similarities(query as Float32Array), denseWeight, denseFloor);
    } catch (error) {
      jobLogger.warn({ err: error }, 'FAQ embedding failed: answering from the lexical index');
      return null;
    }
  };

  return async (input, ctx) => {
    const guildId = ctx.context.guildId;
    const kb = await knowledge.get(guildId);
    const triggered = kb.trigger(input.question);
    const chitchat = triggered ? null : detectSmallTalk(input.question);
    // Small talk is not a question: no retrieval, no miss, never "I don't know".
    if (chitchat) return { kind: 'smalltalk', smalltalk: chitchat.kind, asked: input.question };
    let result: FaqResult;
    if (triggered) {
      const entry = kb.byId.get(triggered);
      result = {
        kind: 'answer',
        entryId: triggered,
        question: entry?.questions[0] ?? '',
        answer: entry?.answer ?? '',
        score: 1,
        retrieval: 'trigger',
      };
    } else {
      const lexical = kb.lexical.rank(input.question, 20);
      const fused = await hybrid(kb, input.question, lexical, ctx.logger);
      const retrieval = fused ? 'hybrid' : 'lexical';
      // Asked the natural way (a mention, a DM), a confident score is not enough: the entry must cover the question.
      const natural = input.via === 'question' || input.via === 'before-chat';
      const minSimilarity = natural ? config.faq.questionMinSimilarity : config.faq.minSimilarity;
      const decision = decide(fused ?? lexical, { threshold: kb.threshold ?? config.faq.threshold, margin, minSimilarity });
      if (decision.kind === 'answer') {
        const entry = kb.byId.get(decision.entryId);
        result = {
          kind: 'answer',
          entryId: decision.entryId,
          question: entry?.questions[0] ?? '',
          answer: entry?.answer ?? '',
          score: decision.score,
          retrieval,
        };
      } else {
        const suggestions = decision.suggestions.map((c) => ({
          id: c.id,
          question: kb.byId.get(c.id)?.questions[0] ?? c.id,
          score: c.score,
        }));
        result = { kind: 'unknown', suggestions, retrieval, asked: input.question };
      }
    }
    // Chat answers what the FAQ cannot when asked before chat: that is no miss for the admins.
    if (guildId && misses && !(result.kind === 'unknown' && input.via === 'before-chat'))
      await remember(misses, guildId, input.question, result, ctx.jobId).catch((error: unknown) =>
        ctx.logger.warn({ err: error }, 'could not record the FAQ outcome'),
      );
    return result;
  };

  /** Unanswered questions become misses; answers are remembered so that a 👎 can be traced to the question. */
  async function remember(log: MissLog, guildId: string, question: string, result: FaqResult, jobId: string): Promise<void> {
    if (result.kind === 'unknown') {
      const closest = result.suggestions[0]?.id;
      await log.record(guildId, { question, kind: 'unknown', ...(closest ? { entryId: closest } : {}) });
    }
    await log.rememberAnswer(jobId, { guildId, question, ...(result.kind === 'answer' ? { entryId: result.entryId } : {}) });
  }
}

/** Convex blend of the lexical confidence and the rescaled cosine; entries only dense found join too. */
export function fuse(lexical: readonly RankedEntry[], dense: ReadonlyMap<string, number>, weight: number, floor: number): RankedEntry[] {
  const lexicalScores = new Map(lexical.map((entry) => [entry.id, entry]));
  const fused: RankedEntry[] = [];
  for (const [id, cosine] of dense) {
    const scaled = Math.min(1, Math.max(0, (cosine - floor) / (1 - floor)));
    const lex = lexicalScores.get(id);
    // Coverage by either signal: an entry in another language shares no words but its embedding does.
    fused.push({ id, score: (1 - weight) * (lex?.score ?? 0) + weight * scaled, similarity: Math.max(lex?.similarity ?? 0, scaled) });
  }
  return fused.sort((a, b) => b.score - a.score);
}
