/**
 * Entry-point wrapper: reads `.env` first (and, in a forked worker, exits with its parent), then runs `main`; an operator-facing problem (bad config, no Redis)
 * prints one clear message and exits 1.
 */
import { ConfigError } from '../config/index.ts';
import { loadEnvFile } from './env-file.ts';
import { isUserError, OperatorError } from './errors.ts';
import { exitWithParent } from './shutdown.ts';

export function runMain(main: () => Promise<void>): void {
  exitWithParent();
  try {
    loadEnvFile();
  } catch (error) {
    process.stderr.write(`kotodama: cannot read .env: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof OperatorError || isUserError(error)) {
      process.stderr.write(`kotodama: ${error.message}\n`);
    } else {
      process.stderr.write(`kotodama: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}
