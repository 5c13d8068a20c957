/**
 * Worker processes for benchmarks: `src/worker.ts --lanes …` forked exactly as `npm start` forks it, with the time
 * from fork to "ready" (models loaded, taking jobs) and the process's peak resident memory (VmHWM) at the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import type { LaneName } from '../../src/lanes/index.ts';

export interface BenchWorker {
  readonly lanes: readonly LaneName[];
  readonly child: ChildProcess;
  /** Milliseconds from fork to the worker's ready message. */
  readonly readyMs: number;
  /** Peak resident memory so far, in MB (Linux /proc; NaN elsewhere). */
  peakRssMb(): number;
  /** CPU milliseconds the process has used so far (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Forks a worker for `lanes` and resolves once it is ready. */
export async function startWorker(lanes: readonly LaneName[], env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<BenchWorker> {
  const started = performance.now();
  const child = fork(path.join(PROJECT_ROOT, 'src/worker.ts'), ['--lanes', lanes.join(',')], {
    cwd: PROJECT_ROOT,
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${lanes.join(',')} not ready after ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${lanes.join(',')} exited (${code}) before it was ready`));
    });
  });
  const readyMs = performance.now() - started;
  return {
    lanes,
    child,
    readyMs,
    peakRssMb: () => peakRssMb(child.pid),
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** VmHWM of a process (its peak resident set), in MB. */
export function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid ?? 'self'}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/u.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** User + system CPU time of a process, in ms: overhead measured this way does not depend on machine load. */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid ?? 'self'}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}
