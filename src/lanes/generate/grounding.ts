/**
 * Grounding: the FAQ lane's retrieval, reused (imported, not copied) to find the entries a chat message is
 * about. The threshold is lower than the FAQ lane's own: here a weak match only becomes context the model may
 * use, not an answer given as fact. Lexical retrieval only: it needs no model, so grounding never waits for
 * or competes with the embedding model in the chat worker.
 */
import type { Config } from '../../config/index.ts';
import type { JobContext } from '../../queue/envelope.ts';
import type { FaqEntry } from '../faq/entry.ts';
import { loadFaqFile } from '../faq/knowledge.ts';
import { buildLexicalIndex, type LexicalIndex } from '../faq/retrieval/lexical.ts';
import type { GroundingEntry } from './prompt.ts';

/**
 * A query sharing almost nothing with the FAQ still spreads the classifier's probability over every entry
 * (about 1/n each), so the score alone lets nonsense through on a small FAQ; the entry must also cover some
 * of the words. 0.1 keeps "zebra quantum lasagna" (similarity 0.04) out of the sample FAQ's prompts while
 * "is my voice message stored" still brings the privacy entry (0.30).
 */
const MIN_SIMILARITY = 0.1;

/** The FAQ entries relevant to `question` in the asker's server, best first. */
export type FaqRetriever = (question: string, context: JobContext) => Promise<GroundingEntry[]>;

interface Knowledge {
  readonly byId: ReadonlyMap<string, FaqEntry>;
  readonly entries: readonly FaqEntry[];
  readonly lexical: LexicalIndex;
}

/**
 * Entries of `faq.file`, the FAQ every server starts with. A per-server FAQ store plugs in as another
 * FaqRetriever (the context carries the guild id).
 */
export function createFaqRetriever({ config }: { config: Config }): FaqRetriever {
  const { threshold, maxEntries } = config.generate.grounding;
  let knowledge: Promise<Knowledge> | undefined;

  const load = async (): Promise<Knowledge> => {
    const entries = await loadFaqFile(config.faq.file);
    return { entries, byId: new Map(entries.map((entry) => [entry.id, entry])), lexical: buildLexicalIndex(entries) };
  };

  return async (question) => {
    knowledge ??= load();
    knowledge.catch(() => (knowledge = undefined));
    const kb = await knowledge;
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
