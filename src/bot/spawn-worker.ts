/**
 * `npm start` on one machine: the workers run in a child process, so ONNX inference (which blocks its
 * thread) never stalls the process that talks to Discord or the terminal.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LaneName } from '../lanes/names.ts';

const WORKER_ENTRY = fileURLToPath(new URL('../worker.ts', import.meta.url));

export interface SpawnedWorker {
  readonly child: ChildProcess;
  /** Asks the worker to finish in-flight jobs and exit; resolves when it has. */
  stop(): Promise<void>;
}

export function spawnWorker(lanes: readonly LaneName[], env: NodeJS.ProcessEnv): Promise<SpawnedWorker> {
  const child = fork(WORKER_ENTRY, ['--lanes', lanes.join(',')], {
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once('message', (message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'ready') resolve({ child, stop });
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited (code ${code}) before it was ready; see the messages above`)));
  });
}
