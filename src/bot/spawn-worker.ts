/**
 * `npm start` on one machine: the workers run in child processes, one per lane group (`workers.layout`), so ONNX
 * inference (which blocks its thread) never stalls the process that talks to Discord or the terminal, nor a lane
 * in another group. If a worker process dies (out of memory, a native crash), it is started again with backoff;
 * queued jobs simply wait for it. A worker that dies before it ever took jobs is fatal (a broken install, not bad luck).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from '../core/logger.ts';
import { niceWorker } from '../core/priority.ts';
import { laneStatusSchema, type LaneStatus } from '../inference/prepare.ts';

const WORKER_ENTRY = fileURLToPath(new URL('../worker.ts', import.meta.url));
/** tsx, resolved from this project (not the working directory, which may be anywhere). */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAX_BACKOFF_MS = 30_000;

export interface SpawnedWorker {
  /** The current worker process id (changes when it is restarted). */
  pid(): number | undefined;
  /**
   * Resolves once the current worker process takes jobs (its models load after that, lane by lane); rejects when the
   * first process exits before it got there.
   */
  ready(): Promise<void>;
  /** Asks the worker to finish in-flight jobs and exit; resolves when it has. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** Hears each lane's start-up status: downloading, ready, missing. */
  readonly onStatus?: (status: LaneStatus) => void;
}

function launch(
  lanes: readonly string[],
  options: SpawnOptions,
): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const child = fork(WORKER_ENTRY, ['--lanes', lanes.join(',')], {
    env: options.env,
    execArgv: ['--import', TSX],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  // Models may take every core; the bot (this process) must still answer Discord within 3 s.
  niceWorker(child.pid);
  options.logger.info({ workerPid: child.pid, lanes }, 'worker process started');
  // Whatever ends this process (a failed start, process.exit), the worker goes too; it also exits by itself when
  // the IPC channel closes (a killed parent), see `onShutdown`.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.removeListener('exit', killOnExit);
      resolve(code);
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'ready') resolve();
      const status = laneStatusSchema.safeParse(message);
      if (status.success) options.onStatus?.(status.data);
    });
    void exited.then((code) =>
      reject(new Error(`the worker process for ${lanes.join(', ')} exited (code ${code}) before it was ready; see the messages above`)),
    );
  });
  return { child, ready, exited };
}

/** Starts the worker process for `lanes` now; `ready()` says when it takes jobs. */
export function spawnWorker(lanes: readonly string[], options: SpawnOptions): SpawnedWorker {
  let current = launch(lanes, options);
  const first = current.ready;
  let stopping = false;
  let backoff = 1_000;
  const supervise = async (): Promise<void> => {
    try {
      await first;
    } catch {
      return; // the caller hears it from ready()
    }
    while (!stopping) {
      const code = await current.exited;
      if (stopping) return;
      options.logger.error({ code, lanes, retryInMs: backoff }, 'worker process died; starting it again');
      await new Promise((resolve) => setTimeout(resolve, backoff).unref());
      if (stopping) return;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      current = launch(lanes, options);
      await current.ready.then(() => (backoff = 1_000)).catch(() => undefined);
    }
  };
  void supervise();
  return {
    pid: () => current.child.pid,
    ready: () => current.ready,
    async stop() {
      stopping = true;
      const { child, exited } = current;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Starts one worker process per lane group, all at once. */
export function spawnWorkers(
  groups: readonly (readonly string[])[],
  options: SpawnOptions,
  /** Extra environment of the group at this index (e.g. its own operations port). */
  envOf: (index: number) => NodeJS.ProcessEnv = () => ({}),
): SpawnedWorker[] {
  return groups.map((lanes, index) => spawnWorker(lanes, { ...options, env: { ...options.env, ...envOf(index) } }));
}
