/**
 * Configuration of the operations side: the HTTP port every process serves health, readiness and metrics on,
 * and the worker watchdog. The lead's `src/config/schema.ts` embeds these schemas as `http` and `watchdog`;
 * the defaults below go into `config/default.yaml`.
 */
import { z } from 'zod';

export const httpConfigSchema = z.strictObject({
  /** Port of `/healthz`, `/readyz`, `/metrics` (and the bot's `/admin/queues`); 0 = no HTTP server. @defaultValue 0 */
  port: z.number().int().min(0).max(65_535),
  /** Address to bind; anything but loopback needs dashboard credentials. @defaultValue `127.0.0.1` */
  host: z.string().min(1),
  /** Serve the queue dashboard under `/admin/queues` on the bot's port. @defaultValue true */
  dashboard: z.boolean(),
});

export const watchdogConfigSchema = z.strictObject({
  /**
   * A worker with waiting jobs on its lanes that finished none for this long is not ready. 0 = per lane, the
   * lane's `timeoutSec` plus 60 s (a job that long is still legitimate). @defaultValue 0
   */
  stallSec: z.number().int().min(0).max(86_400),
  /** An event-loop delay above this marks the process not ready for `holdSec`. @defaultValue 10000 */
  maxEventLoopLagMs: z.number().int().positive().max(600_000),
  /** How long not-ready lasts after a blocked event loop recovered. @defaultValue 30 */
  holdSec: z.number().int().min(0).max(3600),
});

export type HttpConfig = z.infer<typeof httpConfigSchema>;
export type WatchdogConfig = z.infer<typeof watchdogConfigSchema>;

/** The defaults, as `config/default.yaml` should state them. */
export const OPS_DEFAULTS = Object.freeze({
  http: Object.freeze({ port: 0, host: '127.0.0.1', dashboard: true }),
  watchdog: Object.freeze({ stallSec: 0, maxEventLoopLagMs: 10_000, holdSec: 30 }),
}) satisfies { http: HttpConfig; watchdog: WatchdogConfig };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The config tree set by `KOTODAMA_HTTP_PORT` and `KOTODAMA_HTTP_HOST`, to merge like the other variables.
 * A port that is not digits is passed on as text, so that validation names it.
 */
export function httpEnvOverrides(env: Env): { http?: Partial<Record<'port' | 'host', string | number>> } {
  const http: Partial<Record<'port' | 'host', string | number>> = {};
  const port = env.KOTODAMA_HTTP_PORT?.trim();
  if (port) http.port = /^\d+$/u.test(port) ? Number(port) : port;
  const host = env.KOTODAMA_HTTP_HOST?.trim();
  if (host) http.host = host;
  return Object.keys(http).length ? { http } : {};
}

/**
 * Ports for `count` forked workers when the parent serves on `basePort`: the next ones up, or all 0 (off)
 * when the parent has none. `npm start` passes each as `KOTODAMA_HTTP_PORT` and prints them.
 */
export function workerPorts(basePort: number, count: number): number[] {
  if (basePort === 0) return Array.from({ length: count }, () => 0);
  const ports = Array.from({ length: count }, (_, index) => basePort + 1 + index);
  const last = ports.at(-1);
  if (last !== undefined && last > 65_535)
    throw new RangeError(`http.port ${basePort} leaves no room for ${count} worker port(s) above it`);
  return ports;
}

/** Loopback addresses: the only ones where the dashboard may run without credentials. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/gu, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/u.test(bare);
}
