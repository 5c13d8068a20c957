/**
 * The operations HTTP server every process can start (bot and each worker): `GET /healthz` (the process is
 * alive and its event loop answers), `GET /readyz` (its dependencies are usable: 200 or 503 with reasons),
 * `GET /metrics` (Prometheus text), and on the bot the queue dashboard under `/admin/queues`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OperatorError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { DASHBOARD_PATH, type DashboardHandler } from './dashboard.ts';
import type { OpsMetrics } from './metrics.ts';
import { runChecks, type ReadinessCheck } from './readiness.ts';

export interface OpsServerOptions {
  /** 0 = no server (`startOpsServer` returns undefined). */
  readonly port: number;
  readonly host: string;
  readonly metrics: OpsMetrics;
  /** Everything `/readyz` requires (Redis, models, watchdog); none = ready while alive. */
  readonly readiness: readonly ReadinessCheck[];
  /** The queue dashboard, bot only (see `createDashboard`). */
  readonly dashboard?: DashboardHandler | undefined;
  readonly logger: Logger;
}

export interface OpsServer {
  readonly port: number;
  /** `http://host:port`, as logged at start. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the server, or does nothing when `port` is 0. A port in use stops start-up with a clear message. */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer | undefined> {
  if (options.port === 0) return undefined;
  const server = createServer((request, response) => void route(options, request, response));
  // Scrapers and health checks keep connections open; they must not hold a shutdown.
  server.keepAliveTimeout = 5_000;
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  options.logger.info({ url, dashboard: options.dashboard ? `${url}${DASHBOARD_PATH}` : undefined }, 'operations endpoints listening');
  return {
    port,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE' ? 'is in use' : error.code === 'EACCES' ? 'is not allowed' : `failed (${error.code ?? error.message})`;
      reject(new OperatorError(`The operations port ${host}:${port} ${why}. Set KOTODAMA_HTTP_PORT to a free port, or 0 to turn it off.`));
    });
    server.listen(port, host, () => resolve());
  });
}

async function route(options: OpsServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  try {
    if (options.dashboard && (path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`)))
      return options.dashboard(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Only GET here.\n');
    if (path === '/healthz') return send(response, 200, 'text/plain', 'ok\n');
    if (path === '/readyz') {
      const readiness = await runChecks(options.readiness);
      return send(response, readiness.ready ? 200 : 503, 'application/json', `${JSON.stringify(readiness)}\n`);
    }
    if (path === '/metrics') {
      const { contentType, body } = await options.metrics.render();
      return send(response, 200, contentType, body);
    }
    send(response, 404, 'text/plain', 'Not found. Try /healthz, /readyz or /metrics.\n');
  } catch (error) {
    options.logger.error({ err: error, path }, 'operations endpoint failed');
    if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error; see the log.\n');
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
}
