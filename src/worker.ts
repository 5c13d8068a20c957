/**
 * `npm run worker -- --lanes faq,translate` (default: every enabled lane). Loads each lane's models once, before
 * taking jobs, then serves the lanes until SIGINT/SIGTERM.
 */
import { createProgressPrinter } from './cli/progress.ts';
import { loadConfig } from './config/index.ts';
import { parseLanes } from './core/args.ts';
import { createLogger } from './core/logger.ts';
import { assertRedisReachable, createRedis } from './core/redis.ts';
import { runMain } from './core/run-main.ts';
import { onShutdown } from './core/shutdown.ts';
import { modelStatus } from './inference/models.ts';
import { ModelRuntime } from './inference/runtime.ts';
import { allLanes, LANE_NAMES } from './lanes/index.ts';
import { WorkerHost, type ServedLane } from './queue/worker-host.ts';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.log.level, name: 'kotodama-worker' });
  const enabled = LANE_NAMES.filter((lane) => config.lanes[lane].enabled);
  const names = parseLanes(process.argv.slice(2), LANE_NAMES, enabled);
  await assertRedisReachable(config.redis);

  const runtime = new ModelRuntime({ models: config.models, logger });
  const lanes = allLanes().filter((lane) => names.includes(lane.name));
  for (const lane of lanes) {
    for (const spec of lane.models(config)) {
      try {
        // A first start downloads the models: say so and show progress instead of sitting silent.
        const present = (await modelStatus(spec)).complete;
        if (!present && config.models.allowRemote)
          logger.warn({ lane: lane.name, model: spec.model }, 'model not downloaded yet: downloading it now');
        await runtime.load(spec, present ? undefined : createProgressPrinter(process.stderr));
      } catch (error) {
        // A missing model must not stop the other lanes: its jobs get a clear message instead.
        logger.warn({ lane: lane.name, model: spec.model, err: error }, 'model not loaded; jobs of this lane will report it');
      }
    }
  }
  // Lanes keep server FAQs, misses, embeddings, conversations in Redis; one connection serves them all.
  const redis = createRedis(config.redis, 'worker');
  const served: ServedLane[] = [];
  for (const lane of lanes) served.push({ lane, processor: await lane.createProcessor({ config, runtime, logger, redis }) });
  const background: { close(): Promise<void> }[] = [];
  for (const lane of lanes) if (lane.background) background.push(await lane.background({ config, runtime, logger, redis }));
  const host = new WorkerHost({ config, lanes: served, logger });
  await host.start();
  logger.info({ lanes: names }, 'worker ready');
  process.send?.({ type: 'ready', lanes: names });

  onShutdown(async (signal) => {
    logger.info({ signal }, 'worker shutting down');
    await host.close();
    await Promise.allSettled(background.map((work) => work.close()));
    await redis.quit().catch(() => redis.disconnect());
    await runtime.dispose();
  });
});
