/**
 * `npm run models -- status [lane...]`   what is in the models folder, file by file
 * `npm run models -- download [lane...]` fetches the lanes' models (all enabled lanes by default)
 * `npm run models -- check [lane...]`    runs each downloaded model on known inputs; exit 1 unless all behave
 * `--offline` (or KOTODAMA_OFFLINE=1)    never touch the network; list what is missing and exit 1
 */
import { loadConfig } from '../config/index.ts';
import { OperatorError } from '../core/errors.ts';
import { createLogger } from '../core/logger.ts';
import { runMain } from '../core/run-main.ts';
import { checkLanes } from './models-check.ts';
import { modelStatus, type ModelStatus } from '../inference/models.ts';
import { configureTransformers, ModelRuntime } from '../inference/runtime.ts';
import { allLanes, isLaneName, LANE_NAMES } from '../lanes/index.ts';
import type { LaneModelFiles } from '../lanes/lane.ts';
import { createProgressPrinter } from './progress.ts';

const USAGE = 'Usage: npm run models -- <status|download|check> [lane...] [--offline]';

runMain(async () => {
  const args = process.argv.slice(2);
  const [command, ...rest] = args.filter((arg) => !arg.startsWith('--'));
  const offline = args.includes('--offline');
  if (command !== 'status' && command !== 'download' && command !== 'check') throw new OperatorError(USAGE);
  // A check looks at what is downloaded: it never fetches anything.
  const config = loadConfig(offline || command === 'check' ? { overrides: { models: { allowRemote: false } } } : {});
  const unknown = rest.filter((lane) => !isLaneName(lane));
  if (unknown.length) throw new OperatorError(`Unknown lane(s) ${unknown.join(', ')}. Lanes: ${LANE_NAMES.join(', ')}.`);
  const lanes = allLanes().filter((lane) =>
    rest.length ? rest.includes(lane.name) : config.lanes[lane.name as keyof typeof config.lanes].enabled,
  );
  const out = (line: string) => void process.stdout.write(`${line}\n`);
  configureTransformers(config.models);
  out(`models folder: ${config.models.dir}`);
  if (command === 'check') return checkLanes(config, lanes, out);

  const missing: ModelStatus[] = [];
  const missingFiles: { files: LaneModelFiles; absent: string[] }[] = [];
  for (const lane of lanes) {
    for (const spec of lane.models(config)) {
      const status = await modelStatus({ ...spec });
      out(`${lane.name.padEnd(10)} ${spec.model} (${spec.dtype}): ${status.complete ? 'ready' : 'not downloaded'}`);
      if (!status.complete) missing.push(status);
    }
    for (const files of lane.modelFiles?.(config) ?? []) {
      const absent = await files.missing();
      out(`${lane.name.padEnd(10)} ${files.model}: ${absent.length ? 'not downloaded' : 'ready'}`);
      if (absent.length) missingFiles.push({ files, absent });
    }
  }
  if (command === 'status') return;
  if (!missing.length && !missingFiles.length) {
    out('Every model is already here.');
    return;
  }
  if (!config.models.allowRemote) {
    const list = [
      ...missing.flatMap((status) => status.files.filter((file) => !file.present).map((file) => `  ${status.spec.model}/${file.file}`)),
      ...missingFiles.flatMap(({ files, absent }) => absent.map((file) => `  ${files.model}/${file}`)),
    ];
    throw new OperatorError(
      `Offline mode: these files are missing from ${config.models.dir}:\n${list.join('\n')}\nRun the download on a machine with internet access and copy the folder.`,
    );
  }
  const runtime = new ModelRuntime({
    models: config.models,
    logger: createLogger({ level: 'warn' }),
    onProgress: createProgressPrinter(process.stderr),
  });
  for (const status of missing) {
    out(`downloading ${status.spec.model} (${status.spec.dtype})…`);
    await runtime.load(status.spec);
    await runtime.dispose();
  }
  for (const { files } of missingFiles) {
    out(`downloading ${files.model}…`);
    await files.download(createProgressPrinter(process.stderr));
  }
  out('Done: every model is ready.');
});
