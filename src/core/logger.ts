/**
 * One pino logger for the whole process. Secrets are redacted by key name wherever they appear,
 * so a config object or an error carrying a token can be logged without leaking it.
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line. */
export const REDACTED_KEYS = ['token', 'discordToken', 'apiKey', 'password', 'authorization', 'DISCORD_TOKEN'];

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino(
    {
      name: options.name ?? 'kotodama',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: {
        paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
