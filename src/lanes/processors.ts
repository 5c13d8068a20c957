/** Wires every lane's processor to real dependencies; only entry points call this. */
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import type { Logger } from '../core/logger.ts';
import type { ModelRuntime } from '../inference/runtime.ts';
import { createFaqProcessor } from './faq/processor.ts';
import { createGenerateProcessor } from './generate/processor.ts';
import type { LaneProcessors } from './processor.ts';
import { createTranscribeProcessor } from './transcribe/processor.ts';
import { createTranslateProcessor } from './translate/processor.ts';

export function createProcessors(deps: { config: Config; runtime: ModelRuntime; logger: Logger; redis?: Redis }): LaneProcessors {
  return {
    faq: createFaqProcessor(deps),
    translate: createTranslateProcessor(deps),
    transcribe: createTranscribeProcessor(deps),
    generate: createGenerateProcessor(deps),
  };
}
