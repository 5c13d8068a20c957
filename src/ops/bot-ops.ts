/**
 * The bot process's operations endpoints: `/healthz`, `/readyz` (Redis reachable, gateway connected), `/metrics`
 * (Discord REST responses and rate limits, gateway ping, queue depth per lane and of the replies queue, delivery
 * times) and the queue dashboard under `/admin/queues`. Nothing is served when `http.port` is 0.
 */
import { Queue } from 'bullmq';
import { RESTEvents, Status, type Client } from 'discord.js';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import type { Logger } from '../core/logger.ts';
import { dashboardFor } from './dashboard.ts';
import type { OpsMetrics } from './metrics.ts';
import { bullmqQueueDepth } from './queue-depth.ts';
import { notReady, ready, redisCheck, runChecks, type ReadinessCheck } from './readiness.ts';
import { startOpsServer } from './server.ts';

export interface BotOpsOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: OpsMetrics;
  readonly client: Client;
  /** The bot's fail-fast Redis connection (readiness and queue counts). */
  readonly redis: Redis;
  /** Queue names by the label they get in metrics (each lane's, and the replies queue). */
  readonly queues: ReadonlyMap<string, string>;
}

export interface BotOps {
  readonly url: string | undefined;
  close(): Promise<void>;
}

/** Counts Discord REST responses and rate limits and reads the gateway ping (call before logging in). */
export function watchDiscord(metrics: OpsMetrics, client: Client): void {
  client.rest.on(RESTEvents.Response, (_request, response) => metrics.discordResponse(response.status));
  client.rest.on(RESTEvents.RateLimited, (info) => metrics.discordRateLimited(info.global));
  metrics.watchGatewayPing(() => client.ws.ping);
}

/** Starts the bot's operations server, or nothing when `http.port` is 0. */
export async function startBotOps(options: BotOpsOptions): Promise<BotOps> {
  const { config, logger, metrics, client, redis } = options;
  if (config.http.port === 0) return { url: undefined, close: () => Promise.resolve() };

  const queues = new Map(
    [...options.queues].map(([label, name]) => [label, new Queue(name, { connection: redis, prefix: config.redis.prefix })] as const),
  );
  for (const queue of queues.values()) queue.on('error', () => undefined);
  metrics.watchQueueDepth(bullmqQueueDepth(queues));
  const gateway: ReadinessCheck = {
    name: 'gateway',
    check: () =>
      client.ws.status === Status.Ready ? ready() : notReady(`Discord gateway is ${Status[client.ws.status] ?? 'not connected'}`),
  };
  const readiness = [redisCheck(redis), gateway];
  metrics.watchReadiness(() => runChecks(readiness));
  const dashboard = dashboardFor(config.http, [...queues.values()], process.env, logger);
  const server = await startOpsServer({ ...config.http, metrics, readiness, dashboard, logger });
  return {
    url: server?.url,
    async close() {
      await server?.close();
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
    },
  };
}
