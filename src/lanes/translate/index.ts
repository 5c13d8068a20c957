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
    const pairs = [...new Set(Object.values(config.translate.pairModels))].filter((model) => model !== main.model);
    return [main, ...pairs.map((model) => ({ ...main, model }))];
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
