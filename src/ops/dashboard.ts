/**
 * The queue dashboard (bull-board) under `/admin/queues`, served by the bot's operations port. bull-board
 * runs on Hono inside the same Node HTTP server; basic auth is checked before a request reaches it.
 *
 * Jobs hold what members wrote (questions, DMs, audio links), so the dashboard is for the bot's operator
 * only: behind credentials from the environment, or open on a loopback address (an SSH tunnel) at most.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import type { Logger } from '../core/logger.ts';
import { authorized, dashboardAccess, type Credentials } from './basic-auth.ts';
import type { HttpConfig } from './config.ts';

/** Where the dashboard lives on the operations port. */
export const DASHBOARD_PATH = '/admin/queues';

/** A Node request handler for paths under `DASHBOARD_PATH`. */
export type DashboardHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface DashboardOptions {
  /** The queues to show (lanes and replies). */
  readonly queues: readonly Queue[];
  /** Required for every request when set; without, the caller has checked that the port is loopback. */
  readonly credentials?: Credentials | undefined;
  /** Hide retry/remove/clean buttons. @defaultValue false */
  readonly readOnly?: boolean | undefined;
  readonly logger: Logger;
}

export function createDashboard(options: DashboardOptions): DashboardHandler {
  const adapter = new HonoAdapter(serveStatic);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: options.readOnly ?? false })),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'kotodama' } },
  });
  adapter.setBasePath(DASHBOARD_PATH);
  const app = new Hono().route(DASHBOARD_PATH, adapter.registerPlugin());
  const listener = getRequestListener(app.fetch);
  const { credentials, logger } = options;
  return (request, response) => {
    if (credentials && !authorized(request, credentials)) {
      if (request.headers.authorization)
        logger.warn({ remote: request.socket.remoteAddress, path: request.url }, 'dashboard login refused');
      response
        .writeHead(401, {
          'www-authenticate': 'Basic realm="kotodama queues", charset="UTF-8"',
          'content-type': 'text/plain; charset=utf-8',
        })
        .end('Sign in with KOTODAMA_ADMIN_USER and KOTODAMA_ADMIN_PASSWORD.\n');
      return;
    }
    void listener(request, response);
  };
}

/**
 * The bot's dashboard as `http` and the environment allow it: undefined when turned off, or when refused
 * (a public address without credentials), which is logged at error with what to change. The rest of the
 * operations server (health, metrics) runs either way.
 */
export function dashboardFor(
  http: HttpConfig,
  queues: readonly Queue[],
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
): DashboardHandler | undefined {
  if (!http.dashboard || http.port === 0) return undefined;
  const access = dashboardAccess(http.host, env);
  if (!access.allowed) {
    logger.error({ reason: access.reason }, `queue dashboard refused to start: ${access.reason}`);
    return undefined;
  }
  return createDashboard({ queues, credentials: access.credentials, logger });
}
