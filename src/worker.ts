/**
 * `npm run worker -- --lanes faq,translate` (default: every enabled lane). Takes jobs at once and loads each lane's
 * models behind them (a lane answers once its own models are in), then serves the lanes until SIGINT/SIGTERM. With
 * `http.port` set it serves `/healthz`, `/readyz` (Redis, models loaded or a lane answering meanwhile, watchdog) and
 * `/metrics` from the start.
 */
import { Queue } from 'bullmq';
import { loadConfig, type Config } from './config/index.ts';
import { parseLanes } from './core/args.ts';
import { createLogger } from './core/logger.ts';
import { assertRedisReachable, createRedis } from './core/redis.ts';
import { runMain } from './core/run-main.ts';
import { alignThreadPriorities } from './core/priority.ts';
import { onShutdown } from './core/shutdown.ts';
import { formatLaneStatus, prepareLane, type LaneStatus } from './inference/prepare.ts';
import { ModelRuntime } from './inference/runtime.ts';
import { allLanes, LANE_NAMES } from './lanes/index.ts';
import { ModelsReadiness, OpsMetrics, redisCheck, runChecks, startOpsServer, Watchdog, type ReadinessCheck } from './ops/index.ts';
import { jobMetrics } from './queue/job-metrics.ts';
import { WorkerHost, type ServedLane } from './queue/worker-host.ts';

runMain(async () => {
  alignThreadPriorities(); // niced by npm start: all of this process's threads, not only the main one
  const config = loadConfig();
  const logger = createLogger({ level: config.log.level, name: 'kotodama-worker' });
  const enabled = LANE_NAMES.filter((lane) => config.lanes[lane].enabled);
  const names = parseLanes(process.argv.slice(2), LANE_NAMES, enabled);
  await assertRedisReachable(config.redis);

  // Lanes keep server FAQs, misses, embeddings, conversations in Redis; one connection serves them all.
  const redis = createRedis(config.redis, 'worker');
  const lanes = allLanes().filter((lane) => names.includes(lane.name));
  const metrics = new OpsMetrics({ role: 'worker' });
  const models = new ModelsReadiness(lanes);
  const readiness: ReadinessCheck[] = [redisCheck(redis), models];
  metrics.watchReadiness(() => runChecks(readiness));
  const server = await startOpsServer({ port: config.http.port, host: config.http.host, metrics, readiness, logger });

  const runtime = new ModelRuntime({ models: config.models, logger });
  const served: ServedLane[] = [];
  for (const lane of lanes) served.push({ lane, processor: await lane.createProcessor({ config, runtime, logger, redis }) });
  const background: { close(): Promise<void> }[] = [];
  for (const lane of lanes) if (lane.background) background.push(await lane.background({ config, runtime, logger, redis }));
  // Models load while the lanes already take jobs: a lane is ready when its own models are (lanes ready one by one),
  // and a job for a model still downloading is told how far it is. npm start prints the statuses it gets over IPC.
  const report = (status: LaneStatus) => {
    models.report(status);
    if (status.state === 'ready') {
      for (const model of status.models) metrics.modelLoaded(status.lane, model, status.seconds * 1000);
    } else if (status.state === 'missing') {
      metrics.modelUnloaded(status.lane, status.model);
    }
    if (process.send) process.send(status);
    else if (status.state === 'missing') logger.warn(formatLaneStatus(status));
    else logger.info(formatLaneStatus(status));
  };
  // Started before the lanes take jobs, so that a job never starts an untracked download of its own.
  const preparing = (async () => {
    for (const lane of lanes) await prepareLane(lane, config, runtime, report);
  })();
  const host = new WorkerHost({ config, lanes: served, logger, onFinished: jobMetrics(metrics) });
  await host.start();

  // Not ready when a lane has waiting jobs but finishes none, or the event loop is blocked.
  const queues = lanes.map((lane) => new Queue(lane.queue, { connection: redis, prefix: config.redis.prefix }));
  const watchdog = new Watchdog({
    lanes: lanes.flatMap((lane, index) => {
      const worker = host.workers().get(lane.name);
      const queue = queues[index];
      return worker && queue
        ? [{ lane: lane.name, queue, worker, timeoutSec: config.lanes[lane.name as keyof Config['lanes']].timeoutSec }]
        : [];
    }),
    config: config.watchdog,
    logger,
  });
  readiness.push(watchdog.check);
  watchdog.start();
  logger.info({ lanes: names, ...(server ? { http: server.url } : {}) }, 'worker ready');
  process.send?.({ type: 'ready', lanes: names });
  onShutdown(async (signal) => {
    logger.info({ signal }, 'worker shutting down');
    watchdog.close();
    await host.close();
    await Promise.allSettled(background.map((work) => work.close()));
    await Promise.allSettled(queues.map((queue) => queue.close()));
    await server?.close();
    await redis.quit().catch(() => redis.disconnect());
    await runtime.dispose();
  });

  await preparing;
});
