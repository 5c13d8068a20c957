/**
 * FAQ answering: lexical retrieval (works before any model is downloaded) fused with dense similarity
 * from the multilingual embedding model when it is available. Below the confidence threshold, or when
 * the top two are too close, the answer is "I don't know" with the closest entries as suggestions.
 */
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import type { LaneProcessor } from '../processor.ts';
import { resolveLane } from '../registry.ts';
import { DenseIndex } from './dense.ts';
import type { FaqEntry } from './entry.ts';
import { loadFaqFile } from './knowledge.ts';
import { decide } from './retrieval/decide.ts';
import { buildLexicalIndex, type LexicalIndex, type RankedEntry } from './retrieval/lexical.ts';

export interface FaqDeps {
  readonly config: Config;
  readonly runtime: ModelRuntime;
  readonly logger: Logger;
}

interface KnowledgeBase {
  readonly entries: readonly FaqEntry[];
  readonly byId: ReadonlyMap<string, FaqEntry>;
  readonly lexical: LexicalIndex;
}

export function createFaqProcessor({ config, runtime, logger }: FaqDeps): LaneProcessor<'faq'> {
  const lane = resolveLane(config, 'faq');
  const { threshold, margin, denseWeight, denseFloor } = config.faq;
  let knowledge: Promise<KnowledgeBase> | undefined;
  let denseWarned = false;

  const loadKnowledge = async (): Promise<KnowledgeBase> => {
    const entries = await loadFaqFile(config.faq.file);
    return { entries, byId: new Map(entries.map((entry) => [entry.id, entry])), lexical: buildLexicalIndex(entries) };
  };

  /** The embedding index, or null (lexical only) when the model is missing or failed to load. */
  const loadDense = async (): Promise<DenseIndex | null> => {
    if (denseWeight === 0) return null;
    try {
      return new DenseIndex(await runtime.load({ task: 'feature-extraction', model: lane.model, dtype: lane.dtype, device: lane.device }));
    } catch (error) {
      if (!denseWarned) logger.warn({ err: error }, 'FAQ embedding model unavailable: answering from the lexical index only');
      denseWarned = true;
      return null;
    }
  };

  return async (input) => {
    knowledge ??= loadKnowledge();
    knowledge.catch(() => (knowledge = undefined));
    const kb = await knowledge;
    const lexical = kb.lexical.rank(input.question, 20);
    const dense = await loadDense();
    const ranked = dense ? fuse(lexical, await dense.similarities(input.question, kb.entries), denseWeight, denseFloor) : lexical;
    const retrieval = dense ? 'hybrid' : 'lexical';
    const decision = decide(ranked, { threshold, margin });
    if (decision.kind === 'answer') {
      const entry = kb.byId.get(decision.entryId) as FaqEntry;
      return { kind: 'answer', entryId: entry.id, question: entry.questions[0] ?? '', answer: entry.answer, score: decision.score, retrieval };
    }
    const suggestions = decision.suggestions.map((candidate) => ({
      id: candidate.id,
      question: kb.byId.get(candidate.id)?.questions[0] ?? candidate.id,
      score: candidate.score,
    }));
    return { kind: 'unknown', suggestions, retrieval };
  };
}

/** Convex blend of the lexical confidence and the rescaled cosine; entries only dense found join too. */
export function fuse(lexical: readonly RankedEntry[], dense: ReadonlyMap<string, number>, weight: number, floor: number): RankedEntry[] {
  const lexicalScores = new Map(lexical.map((entry) => [entry.id, entry]));
  const fused: RankedEntry[] = [];
  for (const [id, cosine] of dense) {
    const scaled = Math.min(1, Math.max(0, (cosine - floor) / (1 - floor)));
    const lex = lexicalScores.get(id);
    fused.push({ id, score: (1 - weight) * (lex?.score ?? 0) + weight * scaled, similarity: lex?.similarity ?? 0 });
  }
  return fused.sort((a, b) => b.score - a.score);
}
