/** Entry-point wrapper: a user-facing problem (bad config, no Redis) prints one clear message and exits 1. */
import { ConfigError } from '../config/index.ts';
import { isUserError } from './errors.ts';

export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || isUserError(error)) {
      process.stderr.write(`kotodama: ${error.message}\n`);
    } else {
      process.stderr.write(`kotodama: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}
