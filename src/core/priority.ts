/**
 * CPU priority on one machine: the bot must acknowledge Discord within 3 s whatever the models are doing, so the
 * worker processes `npm start` forks run niced (`WORKER_NICENESS`) and give the CPU to the bot when both want it.
 * On Linux a niceness belongs to a thread: the worker aligns the threads Node made before the parent's change with
 * its main thread (threads made later, ONNX Runtime's included, inherit it).
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

export const WORKER_NICENESS = 10;

/** Lowers the CPU priority of a forked worker by `WORKER_NICENESS` (where the system does not allow it: unchanged). */
export function niceWorker(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, Math.min(19, getPriority() + WORKER_NICENESS));
  } catch {
    // Not permitted here (some containers): the worker runs at the bot's priority.
  }
}

/** Gives every thread of this process its main thread's niceness (Linux; elsewhere nothing to do). */
export function alignThreadPriorities(): void {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  const niceness = getPriority();
  for (const task of tasks) {
    try {
      if (getPriority(Number(task)) !== niceness) setPriority(Number(task), niceness);
    } catch {
      // A thread that ended meanwhile, or not permitted: leave it.
    }
  }
}
