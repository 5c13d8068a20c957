/** The `check` command of `npm run models`: one line per lane model, exit 1 unless every one behaves. */
import type { Config } from '../config/index.ts';
import { UserError } from '../core/errors.ts';
import { createLogger } from '../core/logger.ts';
import { checkModel } from '../inference/check.ts';
import { laneModels } from '../inference/models.ts';
import { ModelRuntime } from '../inference/runtime.ts';
import type { LaneName } from '../lanes/registry.ts';

const LABEL = { ok: 'OK', failed: 'FAILED', missing: 'NOT DOWNLOADED' } as const;

export async function checkLanes(config: Config, lanes: readonly LaneName[], out: (line: string) => void): Promise<void> {
  const runtime = new ModelRuntime({ models: config.models, logger: createLogger({ level: 'silent' }) });
  let checked = 0;
  let bad = 0;
  try {
    for (const lane of lanes) {
      if (lane === 'generate' && config.generate.provider !== 'local') {
        out(`${lane.padEnd(10)} provider ${config.generate.provider}: no local model to check`);
        continue;
      }
      for (const spec of laneModels(config, lane)) {
        const outcome = await checkModel(runtime, spec, config.models.dir);
        checked++;
        if (outcome.status !== 'ok') bad++;
        out(`${lane.padEnd(10)} ${spec.model} (${spec.dtype}): ${LABEL[outcome.status]} — ${outcome.detail}`);
        await runtime.dispose(); // one model in memory at a time: the chat and translation models are large
      }
    }
  } finally {
    await runtime.dispose();
  }
  if (bad > 0) throw new UserError('model_missing', `${bad} of ${checked} models did not pass the check (see the lines above).`);
  out(`All ${checked} models behave as expected.`);
}
