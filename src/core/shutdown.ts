/**
 * Orderly exits. SIGINT/SIGTERM run the process's `close` once (a second signal exits at once); a process forked
 * with an IPC channel (a worker under `npm start`) also closes when its parent goes away, so a parent that failed,
 * was killed or exited never leaves a worker behind holding its models in memory.
 */
let registered = false;
let closing = false;

/** Runs `close` once on SIGINT/SIGTERM, or when the parent process of a forked process is gone. */
export function onShutdown(close: (signal: string) => Promise<void>): void {
  registered = true;
  const handler = (signal: string) => {
    if (closing) {
      // The parent leaving while we already close (it usually sent the signal) must not cut the hand-back short.
      if (signal !== 'disconnect') process.exit(130);
      return;
    }
    closing = true;
    // Nobody waits for an orphan: if closing hangs (a stuck connection), it must still end, well after the hand-back.
    if (signal === 'disconnect') setTimeout(killSelf, ORPHAN_DEADLINE_MS).unref();
    close(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  if (process.send) {
    if (process.connected) process.once('disconnect', () => handler('disconnect'));
    else handler('disconnect');
  }
}

/**
 * In a forked process: exit when the parent goes away before `onShutdown` is registered (while models load);
 * after that, `onShutdown` closes in order. Entry points call this first (`runMain` does).
 */
export function exitWithParent(): void {
  if (!process.send) return;
  process.once('disconnect', () => {
    // Nothing to hand back yet. SIGKILL, not exit(): a model may be half-loaded, and onnxruntime's native teardown
    // can then block process.exit for good (seen: an orphaned worker still alive half an hour later).
    if (!registered) killSelf();
  });
}

/** After the worker's 30 s hand-back grace, with room for closing Redis. */
const ORPHAN_DEADLINE_MS = 60_000;

function killSelf(): void {
  process.kill(process.pid, 'SIGKILL');
}
