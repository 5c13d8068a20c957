/** The lane modules and a way to serve them with real or test processors, for tests that drive the queues. */
import { faqLane } from '../../src/lanes/faq/index.ts';
import { generateLane } from '../../src/lanes/generate/index.ts';
import { transcribeLane } from '../../src/lanes/transcribe/index.ts';
import { translateLane } from '../../src/lanes/translate/index.ts';
import type { Config } from '../../src/config/index.ts';
import type { Redis } from 'ioredis';
import type { ModelRuntime } from '../../src/inference/runtime.ts';
import { allLanes } from '../../src/lanes/index.ts';
import type { ServedLane } from '../../src/queue/worker-host.ts';
import { quietLogger } from './env.ts';

export { faqLane, generateLane, transcribeLane, translateLane };

/** Every lane with its real processor, as `npm run worker` builds them. */
export async function realLanes(
  deps: { config: Config; runtime: ModelRuntime; redis: Redis },
  names?: readonly string[],
): Promise<ServedLane[]> {
  const lanes = allLanes().filter((lane) => !names || names.includes(lane.name));
  return Promise.all(lanes.map(async (lane) => ({ lane, processor: await lane.createProcessor({ ...deps, logger: quietLogger }) })));
}
