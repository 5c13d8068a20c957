/**
 * Operations: what lets an operator see and trust a running kotodama. Every process (bot and each worker)
 * can serve `/healthz`, `/readyz` and `/metrics` on its own port (`startOpsServer`); the bot adds the queue
 * dashboard (`createDashboard`); workers add the watchdog (`Watchdog`). Metrics are observed through the
 * typed helpers of `OpsMetrics`. The entry points (src/worker.ts, src/bot/discord/app.ts) show the wiring.
 */
export { dashboardAccess, type Credentials, type DashboardAccess } from './basic-auth.ts';
export { httpConfigSchema, httpEnvOverrides, isLoopback, OPS_DEFAULTS, watchdogConfigSchema, workerPorts } from './config.ts';
export type { HttpConfig, WatchdogConfig } from './config.ts';
export { createDashboard, DASHBOARD_PATH, dashboardFor, type DashboardHandler } from './dashboard.ts';
export { OpsMetrics, type JobOutcome, type JobStage, type QueueDepth } from './metrics.ts';
export { ModelsReadiness } from './models-readiness.ts';
export { bullmqQueueDepth } from './queue-depth.ts';
export { notReady, ready, redisCheck, runChecks, type CheckResult, type Readiness, type ReadinessCheck } from './readiness.ts';
export { startOpsServer, type OpsServer, type OpsServerOptions } from './server.ts';
export { startBotOps, watchDiscord, type BotOps, type BotOpsOptions } from './bot-ops.ts';
export { stallWindowMs, Watchdog, type WatchedLane } from './watchdog-probe.ts';
