/** The chat lane: a conversation in, an answer streamed out, grounded in the server's FAQ, with memory in DMs and threads. */
import { pipelineSpec } from '../../inference/runtime.ts';
import { defineLane, type LaneModule } from '../lane.ts';
import { generateRef } from './ref.ts';
import { generateDiscord, renderAnswer } from './discord.ts';
import { generateLocal } from './local.ts';
import { generateInputSchema, generateResultSchema } from './schema.ts';
import { generateSettingsSchema } from './settings.ts';

const chainOptions = generateInputSchema.partial();

export const generateLane: LaneModule<'generate', typeof generateInputSchema, typeof generateResultSchema, typeof generateSettingsSchema> =
  defineLane({
    ...generateRef,
    result: generateResultSchema,
    settings: generateSettingsSchema,
    tunables: {
      enabled: true,
      model: 'onnx-community/Qwen2.5-0.5B-Instruct',
      dtype: 'q8',
      device: 'cpu',
      concurrency: 1,
      attempts: 2,
      timeoutSec: 300,
      priority: 4,
      maxWaiting: 50,
    },
    checks(config) {
      const { maxNewTokens, contextTokens } = config.generate;
      return maxNewTokens >= contextTokens
        ? [
            `generate.maxNewTokens (${maxNewTokens}) must be below generate.contextTokens (${contextTokens}): the answer and the prompt share the context`,
          ]
        : [];
    },
    // A remote chat server needs no local model.
    models: (config) => (config.generate.provider === 'local' ? [pipelineSpec('text-generation', config.lanes.generate)] : []),
    createProcessor: async (deps) => (await import('./processor.ts')).createGenerateProcessor(deps),
    render: (result, context) => renderAnswer(result, context.locale),
    chain: {
      output: (result) => ({ text: result.text, answered: result.finishReason !== 'cancelled' && result.text.length > 0 }),
      input(from, options) {
        const { messages, ...rest } = chainOptions.parse(options);
        return { messages: messages ?? [{ role: 'user', content: from.text }], ...rest };
      },
    },
    discord: generateDiscord,
    local: generateLocal,
  });
