/** Worker processes whose jobs never finish (`fixtures/hanging-worker.ts`), to kill mid-job in fault tests. */
import { fork, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { REDIS_URL } from '../helpers/env.ts';

export interface HangingWorker {
  readonly child: ChildProcess;
  /** Resolves once the process takes jobs. */
  readonly ready: Promise<void>;
  /** Resolves with the process once it runs a job (`jobId`, when it reports it). */
  readonly running: Promise<HangingWorker>;
  readonly alive: () => boolean;
}

/** Starts a worker process on `prefix` whose jobs hang forever. */
export function hangingWorker(prefix: string, redisUrl = REDIS_URL): HangingWorker {
  const child = fork('tests/fault/fixtures/hanging-worker.ts', [], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FAULT_REDIS_URL: redisUrl, FAULT_REDIS_PREFIX: prefix },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const worker: HangingWorker = {
    child,
    ready: new Promise<void>((resolve) => child.on('message', (m: { type?: string }) => m.type === 'ready' && resolve())),
    running: new Promise<HangingWorker>((resolve) => child.on('message', (m: { type?: string }) => m.type === 'active' && resolve(worker))),
    alive: () => child.exitCode === null && child.signalCode === null,
  };
  return worker;
}

/** SIGKILL, as a crash or the OOM killer would. */
export async function kill(worker: HangingWorker): Promise<void> {
  if (!worker.alive()) return;
  const exited = new Promise((resolve) => worker.child.once('exit', resolve));
  worker.child.kill('SIGKILL');
  await exited;
}

/** Kills whichever of `workers` runs the job next, `times` times (each stall hands the job to another). */
export async function killRunners(workers: readonly HangingWorker[], times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await kill(await Promise.race(workers.filter((worker) => worker.alive()).map((worker) => worker.running)));
  }
}
