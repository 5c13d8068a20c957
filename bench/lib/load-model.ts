/**
 * Child entry for `bench/cold-start.ts`: loads one model with transformers.js and nothing else, then prints the
 * milliseconds since the process started and its peak memory. The floor for a lane's time to ready.
 *
 *   node --import tsx bench/lib/load-model.ts <task> <model> <dtype> <models dir> <threads>
 */
import { env, pipeline, type PretrainedModelOptions } from '@huggingface/transformers';
import { peakRssMb } from './workers.ts';

const [task, model, dtype, dir, threads] = process.argv.slice(2);
if (!task || !model || !dtype || !dir) throw new Error('usage: load-model.ts <task> <model> <dtype> <models dir> [threads]');
env.allowRemoteModels = false;
env.localModelPath = dir.endsWith('/') ? dir : `${dir}/`;
const options = {
  dtype,
  ...(Number(threads) > 0 ? { session_options: { intraOpNumThreads: Number(threads), interOpNumThreads: 1 } } : {}),
} as PretrainedModelOptions;
await pipeline(task as 'feature-extraction', model, options);
process.stdout.write(`${JSON.stringify({ loadedMs: Math.round(performance.now()), peakRssMb: peakRssMb(process.pid) })}\n`);
