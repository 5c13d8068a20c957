/** The translation lane: Japanese ⇄ English first, any pair the models cover, Discord markup kept. */
import { pipelineSpec } from '../../inference/runtime.ts';
import { defineLane, type LaneModule } from '../lane.ts';
import { translateRef } from './ref.ts';
import { translateDiscord } from './discord.ts';
import { translateLocal } from './local.ts';
import { renderTranslation } from './render.ts';
import { translateInputSchema, translateResultSchema } from './schema.ts';
import { translateSettingsSchema } from './settings.ts';

const chainOptions = translateInputSchema.pick({ to: true });

export const translateLane: LaneModule<
  'translate',
  typeof translateInputSchema,
  typeof translateResultSchema,
  typeof translateSettingsSchema
> = defineLane({
  ...translateRef,
  result: translateResultSchema,
  settings: translateSettingsSchema,
  tunables: {
    enabled: true,
    model: 'Xenova/nllb-200-distilled-600M',
    dtype: 'q8',
    device: 'cpu',
    concurrency: 1,
    attempts: 3,
    timeoutSec: 120,
    priority: 2,
    maxWaiting: 200,
  },
  models(config) {
    const main = pipelineSpec('translation', config.lanes.translate);
    const settings = config.translate;
    const seq2seq = [
      ...Object.values(settings.pairModels),
      ...Object.values(settings.pairs).flatMap((pair) => (pair.provider === 'seq2seq' && pair.model ? [pair.model] : [])),
    ];
    const llmPairs = Object.values(settings.pairs).filter((pair) => pair.provider === 'llm');
    // LLM pairs run a local model only with `translate.llm.provider: local`; a server's model is not downloaded.
    const llm = settings.llm.provider === 'local' ? [...new Set(llmPairs.map((pair) => pair.model ?? settings.llm.model))] : [];
    const { dtype, device } = settings.llm;
    return [
      main,
      ...[...new Set(seq2seq)].filter((model) => model !== main.model).map((model) => ({ ...main, model })),
      ...llm.map((model) => ({ task: 'text-generation' as const, model, dtype, device })),
    ];
  },
  createProcessor: async (deps) => (await import('./processor.ts')).createTranslateProcessor(deps),
  render: (result, context) => renderTranslation(result, context.locale),
  chain: {
    output: (result) => ({ text: result.text, language: result.to, answered: true }),
    input: (from, options) => ({ text: from.text, ...chainOptions.parse(options), ...(from.language ? { from: from.language } : {}) }),
  },
  discord: translateDiscord,
  local: translateLocal,
});
