/**
 * One pino logger for the whole process, on stderr. Lines are human-readable in a terminal and JSON
 * otherwise (for log collectors). Secrets are redacted by key name wherever they appear, so a config object
 * or an error carrying a token can be logged without leaking it, and URLs inside logged errors lose their
 * credentials. What members wrote is logged only at `debug` (see `content`).
 */
import type { Writable } from 'node:stream';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import PinoPretty from 'pino-pretty';
import { redactUrlsIn } from './redact-url.ts';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line. */
export const REDACTED_KEYS = ['token', 'discordToken', 'apiKey', 'password', 'authorization', 'DISCORD_TOKEN'];

/** `pretty` for people, `json` for machines; `auto` picks pretty when stderr is a terminal. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface LoggerOptions {
  /** @defaultValue `LOG_LEVEL`, else `info` */
  readonly level?: string | undefined;
  /** @defaultValue `kotodama` */
  readonly name?: string | undefined;
  /** @defaultValue `KOTODAMA_LOG_FORMAT`, else `auto` */
  readonly format?: LogFormat | undefined;
  /** Where lines go. @defaultValue stderr */
  readonly destination?: Writable | undefined;
  /** Whether the destination is a terminal (for `auto`). @defaultValue `process.stderr.isTTY` */
  readonly tty?: boolean | undefined;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty = usePretty(options);
  return pino(
    {
      name: options.name ?? 'kotodama',
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: {
        paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
        censor: '[redacted]',
      },
      // Libraries quote the URL they failed on, password included (undici does).
      serializers: { err: (error: Error) => redactStrings(stdSerializers.err(error)) },
    },
    pretty ? prettyStream(options.destination, options.tty ?? false) : (options.destination ?? pino.destination(2)),
  );
}

/** A serialized error with the URLs in its strings (message, stack, causes, custom fields) redacted. */
function redactStrings<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactUrlsIn(value) as T;
  if (depth > 5 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, depth + 1)])) as T;
}

function usePretty(options: LoggerOptions): boolean {
  const format = options.format ?? parseFormat(process.env.KOTODAMA_LOG_FORMAT) ?? 'auto';
  if (format !== 'auto') return format === 'pretty';
  return options.tty ?? (options.destination ? false : Boolean(process.stderr.isTTY));
}

function parseFormat(value: string | undefined): LogFormat | undefined {
  return value === 'json' || value === 'pretty' || value === 'auto' ? value : undefined;
}

/**
 * pino-pretty in this thread, writing synchronously: no transport worker thread to start or to lose lines
 * in at exit. Formatting costs more than JSON, which is fine for an operator watching a terminal.
 */
function prettyStream(destination: Writable | undefined, color: boolean): DestinationStream {
  return PinoPretty({
    destination: destination ?? 2,
    sync: true,
    colorize: destination ? color : Boolean(process.stderr.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
  });
}

/**
 * A member's text for a log line: the text itself only when `debug` is on, otherwise its length, so that
 * `info` logs (the ones kept and shipped) hold no message content.
 *
 * @example logger.info({ jobId, ...content(logger, question) }, 'faq answered')
 */
export function content(logger: Logger, text: string): { content: string } | { contentChars: number } {
  return logger.isLevelEnabled('debug') ? { content: text } : { contentChars: text.length };
}
