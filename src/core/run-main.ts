/**
 * Entry-point wrapper: reads `.env` first, then runs `main`; an operator-facing problem (bad config, no Redis)
 * prints one clear message and exits 1.
 */
import { ConfigError } from '../config/index.ts';
import { loadEnvFile } from './env-file.ts';
import { isUserError, OperatorError } from './errors.ts';

export function runMain(main: () => Promise<void>): void {
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
