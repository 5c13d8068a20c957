/** The `check` command of `npm run models`: one line per lane model, exit 1 unless every one behaves. */
import type { Config } from '../config/index.ts';
import { OperatorError } from '../core/errors.ts';
import { createLogger } from '../core/logger.ts';
import { checkModel } from '../inference/check.ts';
import { ModelRuntime } from '../inference/runtime.ts';
import type { AnyLane } from '../lanes/lane.ts';

const LABEL = { ok: 'OK', failed: 'FAILED', missing: 'NOT DOWNLOADED' } as const;

export async function checkLanes(config: Config, lanes: readonly AnyLane[], out: (line: string) => void): Promise<void> {
  const runtime = new ModelRuntime({ models: config.models, logger: createLogger({ level: 'silent' }) });
  let checked = 0;
  let bad = 0;
  try {
    for (const lane of lanes) {
      const specs = lane.models(config);
      if (!specs.length) out(`${lane.name.padEnd(10)} no local model to check`);
      for (const spec of specs) {
        const outcome = await checkModel(runtime, spec, config.models.dir);
        checked++;
        if (outcome.status !== 'ok') bad++;
        out(`${lane.name.padEnd(10)} ${spec.model} (${spec.dtype}): ${LABEL[outcome.status]} — ${outcome.detail}`);
        await runtime.dispose(); // one model in memory at a time: the chat and translation models are large
      }
    }
  } finally {
    await runtime.dispose();
  }
  if (bad > 0) throw new OperatorError(`${bad} of ${checked} models did not pass the check (see the lines above).`);
  out(`All ${checked} models behave as expected.`);
}
