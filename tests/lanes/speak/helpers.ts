/** Shared wiring for the speak lane tests: the committed tiny Supertonic fixture and a processor context. */
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/config/index.ts';
import type { EngineConfig, ModelStore } from '../../../src/lanes/speak/engine/index.ts';
import type { LaneProgress, ProcessContext } from '../../../src/lanes/process-context.ts';
import { quietLogger } from '../../helpers/env.ts';

export const FIXTURE_MODELS = path.join(PROJECT_ROOT, 'tests/fixtures/models');
export const FIXTURE_MODEL = 'tiny-random-supertonic';

export const offlineStore = (dir = FIXTURE_MODELS): ModelStore => ({
  dir,
  allowRemote: false,
  remoteHost: 'http://127.0.0.1:9/',
  threads: 1,
});

export const fixtureEngine = (overrides: Partial<EngineConfig> = {}): EngineConfig => ({
  kind: 'supertonic',
  model: FIXTURE_MODEL,
  voices: ['F1', 'M1'],
  languages: ['en', 'ja'],
  steps: 2,
  speed: 1.05,
  ...overrides,
});

export function ctx(
  options: { signal?: AbortSignal; progress?: LaneProgress[]; onReport?: (progress: LaneProgress) => void } = {},
): ProcessContext {
  const progress = options.progress ?? [];
  return {
    jobId: 't',
    context: { origin: 'local', userId: 'u' },
    signal: options.signal ?? new AbortController().signal,
    locale: 'en',
    report: (p) => {
      progress.push(p);
      options.onReport?.(p);
    },
    logger: quietLogger,
  };
}
