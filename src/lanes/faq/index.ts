/**
 * The FAQ lane: a member's question matched to the server's FAQ (its entries in Redis over the shared file), or an
 * honest "I don't know" with the closest entries. Also the FAQ's domain for other code: the store `/faq` and
 * `npm run faq` edit, the misses, the file formats, and the knowledge index chat grounding reads.
 */
import { pipelineSpec } from '../../inference/runtime.ts';
import { defineLane, type LaneModule } from '../lane.ts';
import { faqRef } from './ref.ts';
import { faqDiscord } from './discord/index.ts';
import { faqLocal } from './local.ts';
import { renderFaq } from './render.ts';
import { faqInputSchema, faqResultSchema } from './schema.ts';
import { faqSettingsSchema } from './settings.ts';
import { stillPreparing } from './status.ts';

export { KnowledgeCache, retryingOnce } from './knowledge-cache.ts';
export { knowledgeSources } from './knowledge-sources.ts';
export { FaqStore } from './store.ts';
export { exportFaq, FAQ_FORMATS, formatFromName, parseFaqDocument, type FaqFormat } from './formats.ts';
export { loadFaqFile } from './faq-file.ts';

const stepOptions = faqInputSchema.pick({ via: true });

export const faqLane: LaneModule<'faq', typeof faqInputSchema, typeof faqResultSchema, typeof faqSettingsSchema> = defineLane({
  ...faqRef,
  result: faqResultSchema,
  settings: faqSettingsSchema,
  tunables: {
    enabled: true,
    model: 'Xenova/multilingual-e5-small',
    dtype: 'q8',
    device: 'cpu',
    concurrency: 4,
    attempts: 3,
    timeoutSec: 30,
    priority: 1,
    maxWaiting: 500,
  },
  meanwhile: `lexical (${stillPreparing('downloading')})`,
  models: (config) => (config.faq.denseWeight > 0 ? [pipelineSpec('feature-extraction', config.lanes.faq)] : []),
  createProcessor: async (deps) => (await import('./processor.ts')).createFaqProcessor(deps),
  render: (result, context) => renderFaq(result, context.locale),
  chain: {
    // Answered: the answer goes on (to be read aloud); not answered: the question goes on (for chat to answer).
    output: (result) => (result.kind === 'answer' ? { text: result.answer, answered: true } : { text: result.asked, answered: false }),
    input: (from, options) => ({ question: from.text, ...stepOptions.parse(options) }),
  },
  discord: faqDiscord,
  local: faqLocal,
});
