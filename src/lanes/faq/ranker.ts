/**
 * Rankers for offline evaluation (`npm run eval:faq -- --retrieval lexical|dense|hybrid`): the same scoring as the
 * lane, with every text embedded up front in large batches so that the measured latency is retrieval alone.
 */
import { loadConfig } from '../../config/index.ts';
import { createLogger } from '../../core/logger.ts';
import { ModelRuntime } from '../../inference/runtime.ts';
import { EntryVectors } from './dense.ts';
import { forwardPass, type Embedder } from './embeddings.ts';
import type { FaqEntry } from './entry.ts';
import { fuse } from './processor.ts';
import { buildTfidfBaseline } from './retrieval/baseline.ts';
import { buildLexicalIndex, type LexicalIndex } from './retrieval/lexical.ts';

/** `baseline` is plain word + character TF-IDF cosine (`retrieval/baseline.ts`), the yardstick; never the lane's. */
export const RETRIEVAL_MODES = ['lexical', 'dense', 'hybrid', 'baseline'] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];

const BATCH = 64;

export interface Ranker {
  readonly index: LexicalIndex;
  /** Time spent in embedding forward passes (excluded from retrieval latency). */
  readonly embedMs: number;
  close(): Promise<void>;
}

/**
 * @param queries Every text that will be ranked (dense modes embed them before timing starts).
 * The embedding model is the FAQ lane's of the loaded config (`KOTODAMA_PROFILE`, `KOTODAMA_CONFIG`).
 */
export async function buildRanker(mode: RetrievalMode, entries: readonly FaqEntry[], queries: readonly string[]): Promise<Ranker> {
  if (mode === 'baseline') return { index: buildTfidfBaseline(entries), embedMs: 0, close: async () => undefined };
  const lexical = buildLexicalIndex(entries);
  if (mode === 'lexical') return { index: lexical, embedMs: 0, close: async () => undefined };
  const config = loadConfig();
  const lane = config.lanes.faq;
  const runtime = new ModelRuntime({ models: config.models, logger: createLogger({ level: 'silent' }) });
  try {
    const embed = forwardPass(
      (await runtime.load({
        task: 'feature-extraction',
        model: lane.model,
        dtype: lane.dtype,
        device: lane.device,
      })) as unknown as Embedder,
      lane.model,
    );
    const started = performance.now();
    const embedAll = async (texts: readonly string[]): Promise<Float32Array[]> => {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH) out.push(...(await embed(texts.slice(i, i + BATCH))));
      return out;
    };
    const vectors = new EntryVectors(entries, await embedAll(entries.flatMap((e) => e.questions)));
    const unique = [...new Set(queries)];
    const queryVectors = new Map((await embedAll(unique)).map((v, i) => [unique[i] as string, v]));
    const embedMs = performance.now() - started;
    const weight = mode === 'dense' ? 1 : config.faq.denseWeight;
    const rank = (text: string, k = 5) => {
      const query = queryVectors.get(text);
      if (!query) throw new Error(`"${text}" was not embedded before ranking`);
      return fuse(mode === 'dense' ? [] : lexical.rank(text, 20), vectors.similarities(query), weight, config.faq.denseFloor).slice(0, k);
    };
    return { index: { size: entries.length, rank }, embedMs, close: () => runtime.dispose() };
  } catch (error) {
    await runtime.dispose();
    throw error;
  }
}
