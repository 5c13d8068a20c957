/**
 * `npm run worker -- --lanes faq,translate` (default: every enabled lane). Loads each lane's models once, before
 * taking jobs, then serves the lanes until SIGINT/SIGTERM. With `http.port` set it serves `/healthz`, `/readyz`
 * (Redis, models loaded, watchdog) and `/metrics` from the start, so a long first download shows as "loading".
 */
import { Queue } from 'bullmq';
import { createProgressPrinter } from './cli/progress.ts';
import { loadConfig, type Config } from './config/index.ts';
import { parseLanes } from './core/args.ts';
import { createLogger } from './core/logger.ts';
import { assertRedisReachable, createRedis } from './core/redis.ts';
import { runMain } from './core/run-main.ts';
import { onShutdown } from './core/shutdown.ts';
import { modelStatus } from './inference/models.ts';
import { ModelRuntime } from './inference/runtime.ts';
import { allLanes, LANE_NAMES } from './lanes/index.ts';
import { notReady, OpsMetrics, ready, redisCheck, runChecks, startOpsServer, Watchdog, type ReadinessCheck } from './ops/index.ts';
import { jobMetrics } from './queue/job-metrics.ts';
import { WorkerHost, type ServedLane } from './queue/worker-host.ts';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.log.level, name: 'kotodama-worker' });
  const enabled = LANE_NAMES.filter((lane) => config.lanes[lane].enabled);
  const names = parseLanes(process.argv.slice(2), LANE_NAMES, enabled);
  await assertRedisReachable(config.redis);

  // Lanes keep server FAQs, misses, embeddings, conversations in Redis; one connection serves them all.
  const redis = createRedis(config.redis, 'worker');
  const lanes = allLanes().filter((lane) => names.includes(lane.name));
  const metrics = new OpsMetrics({ role: 'worker' });
  const pending = new Set(lanes.map((lane) => lane.name));
  const failed = new Map<string, string>();
  const models: ReadinessCheck = {
    name: 'models',
    check: () =>
      pending.size
        ? notReady(`loading ${[...pending].join(', ')}`)
        : failed.size
          ? notReady([...failed].map(([lane, why]) => `${lane}: ${why}`).join('; '))
          : ready(),
  };
  const readiness: ReadinessCheck[] = [redisCheck(redis), models];
  metrics.watchReadiness(() => runChecks(readiness));
  const server = await startOpsServer({ port: config.http.port, host: config.http.host, metrics, readiness, logger });

  const runtime = new ModelRuntime({ models: config.models, logger });
  for (const lane of lanes) {
    for (const spec of lane.models(config)) {
      const started = Date.now();
      try {
        // A first start downloads the models: say so and show progress instead of sitting silent.
        const present = (await modelStatus(spec)).complete;
        if (!present && config.models.allowRemote)
          logger.warn({ lane: lane.name, model: spec.model }, 'model not downloaded yet: downloading it now');
        await runtime.load(spec, present ? undefined : createProgressPrinter(process.stderr));
        metrics.modelLoaded(lane.name, spec.model, Date.now() - started);
      } catch (error) {
        // A missing model must not stop the other lanes: its jobs get a clear message instead.
        logger.warn({ lane: lane.name, model: spec.model, err: error }, 'model not loaded; jobs of this lane will report it');
        failed.set(lane.name, `model ${spec.model} not loaded`);
        metrics.modelUnloaded(lane.name, spec.model);
      }
    }
    pending.delete(lane.name);
  }
  const served: ServedLane[] = [];
  for (const lane of lanes) served.push({ lane, processor: await lane.createProcessor({ config, runtime, logger, redis }) });
  const background: { close(): Promise<void> }[] = [];
  for (const lane of lanes) if (lane.background) background.push(await lane.background({ config, runtime, logger, redis }));
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
});
