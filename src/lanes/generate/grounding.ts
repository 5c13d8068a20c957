/**
 * Grounding: the FAQ lane's own index of the asker's server (its entries added with `/faq add` and imports, not
 * only the FAQ file) finds the entries a chat message is about. The threshold is lower than the FAQ lane's own:
 * here a weak match only becomes context the model may use, not an answer given as fact. Lexical retrieval only:
 * it needs no model, so grounding never waits for or competes with the embedding model in the chat worker.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import type { JobContext } from '../../queue/envelope.ts';
import { KnowledgeCache, knowledgeSources } from '../faq/index.ts';
import type { GroundingEntry } from './prompt.ts';

/**
 * A query sharing almost nothing with the FAQ still spreads the classifier's probability over every entry (about
 * 1/n each), so the score alone lets nonsense through on a small FAQ; the entry must also cover some of the words.
 * 0.1 keeps "zebra quantum lasagna" (similarity 0.04) out of the sample FAQ's prompts while "is my voice message
 * stored" still brings the privacy entry (0.30).
 */
const MIN_SIMILARITY = 0.1;

/** The FAQ entries relevant to `question` in the asker's server, best first. */
export type FaqRetriever = (question: string, context: JobContext) => Promise<GroundingEntry[]>;

export function createFaqRetriever({ config, redis }: { config: Config; redis?: Redis }): FaqRetriever {
  const { threshold, maxEntries } = config.generate.grounding;
  const sources = knowledgeSources(config, redis);
  const knowledge = new KnowledgeCache(sources.defaults, sources.store);
  return async (question, context) => {
    const kb = await knowledge.get(context.guildId);
    if (!kb.entries.length || !question.trim()) return [];
    return kb.lexical
      .rank(question, 20)
      .filter((candidate) => candidate.score >= threshold && candidate.similarity >= MIN_SIMILARITY)
      .slice(0, maxEntries)
      .flatMap((candidate) => {
        const entry = kb.byId.get(candidate.id);
        return entry ? [{ id: entry.id, question: entry.questions[0] ?? entry.id, answer: entry.answer, score: candidate.score }] : [];
      });
  };
}
