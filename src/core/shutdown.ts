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
    if (!registered) process.exit(0);
  });
}
