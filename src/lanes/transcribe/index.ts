/** The speech-to-text lane: voice messages and audio files to text with Whisper, window by window. */
import { pipelineSpec } from '../../inference/runtime.ts';
import { defineLane, type LaneModule } from '../lane.ts';
import { transcribeRef } from './ref.ts';
import { transcribeDiscord } from './discord.ts';
import { transcribeLocal } from './local.ts';
import { looksLikeQuestion } from '../../text/question.ts';
import { renderTranscript } from './render.ts';
import type { transcribeInputSchema } from './schema.ts';
import { transcribeResultSchema } from './schema.ts';
import { transcribeSettingsSchema } from './settings.ts';

export const transcribeLane: LaneModule<
  'transcribe',
  typeof transcribeInputSchema,
  typeof transcribeResultSchema,
  typeof transcribeSettingsSchema
> = defineLane({
  ...transcribeRef,
  result: transcribeResultSchema,
  settings: transcribeSettingsSchema,
  tunables: {
    enabled: true,
    model: 'onnx-community/whisper-base',
    dtype: 'q8',
    device: 'cpu',
    concurrency: 1,
    attempts: 2,
    timeoutSec: 600,
    priority: 3,
    maxWaiting: 50,
  },
  checks(config) {
    const { windowSec, overlapSec } = config.transcribe;
    return overlapSec >= windowSec
      ? [`transcribe.overlapSec (${overlapSec}) must be shorter than transcribe.windowSec (${windowSec})`]
      : [];
  },
  models: (config) => [pipelineSpec('automatic-speech-recognition', config.lanes.transcribe)],
  createProcessor: async (deps) => (await import('./processor.ts')).createTranscribeProcessor(deps),
  render: (result, context) => renderTranscript(result, context.locale),
  chain: {
    output: (result) =>
      result.text && !result.stopped
        ? { text: result.text, ...(result.language ? { language: result.language } : {}), question: looksLikeQuestion(result.text) }
        : null,
  },
  discord: transcribeDiscord,
  local: transcribeLocal,
});
