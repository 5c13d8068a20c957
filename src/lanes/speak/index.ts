/**
 * The speech lane: text read aloud by a local text-to-speech model (Supertonic 3 by default, Japanese and English
 * from one model) and answered as a real Discord voice message, or written to an .ogg file in the local chat.
 */
import { defineLane, type LaneModule } from '../lane.ts';
import { speakSettingsSchema } from './config.ts';
import { speakDiscord } from './discord.ts';
import { speakLocal } from './local.ts';
import { speakModelFiles } from './models.ts';
import { speakRef } from './ref.ts';
import { renderSpeechLocally } from './render.ts';
import { speakInputSchema, speakResultSchema } from './schema.ts';

const chainOptions = speakInputSchema.pick({ show: true, voice: true });

export const speakLane: LaneModule<'speak', typeof speakInputSchema, typeof speakResultSchema, typeof speakSettingsSchema> = defineLane({
  ...speakRef,
  result: speakResultSchema,
  settings: speakSettingsSchema,
  tunables: {
    enabled: true,
    // The model of `speak.engines` entries that name none; dtype/device are fixed by the engine (fp32 on CPU).
    model: 'supertone-oss-archive/supertonic-3',
    dtype: 'fp32',
    device: 'cpu',
    concurrency: 1,
    attempts: 2,
    timeoutSec: 300,
    priority: 4,
    maxWaiting: 50,
  },
  checks(config) {
    const unnamed = Object.entries(config.speak.engines).filter(([, engine]) => !engine.model && !config.lanes.speak.model);
    return unnamed.map(([name]) => `speak.engines.${name}.model: no model (and lanes.speak.model is empty)`);
  },
  // Not a transformers.js pipeline: the engine fetches its own files (on first use, or `npm run models`).
  models: () => [],
  modelFiles: speakModelFiles,
  createProcessor: async ({ config, logger }) => {
    const [{ createSpeakProcessor }, { SpeechEngines }] = await Promise.all([import('./processor.ts'), import('./engine/index.ts')]);
    const engines = new SpeechEngines({ store: config.models, logger });
    return createSpeakProcessor({ settings: config.speak, engines, laneModel: config.lanes.speak.model });
  },
  render: (result, context) => renderSpeechLocally(result, context.locale),
  chain: {
    // A reading is the end of a chain: nothing follows it.
    output: () => null,
    input: (from, options) => ({ text: from.text, ...chainOptions.parse(options), ...(from.language ? { language: from.language } : {}) }),
  },
  discord: speakDiscord,
  local: speakLocal,
});
