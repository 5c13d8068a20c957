/**
 * `npm run worker -- --lanes faq,translate` (default: every enabled lane). Loads each lane's model
 * once, before taking jobs, then serves the lanes until SIGINT/SIGTERM.
 */
import { loadConfig } from './config/index.ts';
import { parseLanes } from './core/args.ts';
import { createLogger } from './core/logger.ts';
import { assertRedisReachable, createRedis } from './core/redis.ts';
import { onShutdown } from './core/shutdown.ts';
import { runMain } from './core/run-main.ts';
import { createProgressPrinter } from './cli/progress.ts';
import { modelStatus } from './inference/models.ts';
import { ModelRuntime } from './inference/runtime.ts';
import { createProcessors } from './lanes/processors.ts';
import { LANE_NAMES, resolveLane } from './lanes/registry.ts';
import { WorkerHost } from './queue/worker-host.ts';

runMain(async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.log.level, name: 'kotodama-worker' });
  const lanes = parseLanes(
    process.argv.slice(2),
    LANE_NAMES.filter((lane) => config.lanes[lane].enabled),
  );
  await assertRedisReachable(config.redis);

  const runtime = new ModelRuntime({ models: config.models, logger });
  for (const lane of lanes) {
    const spec = resolveLane(config, lane);
    // A remote chat provider needs no local model.
    if (lane === 'generate' && config.generate.provider !== 'local') continue;
    try {
      // A first start downloads the models: say so and show progress instead of sitting silent.
      const present = (await modelStatus(spec)).complete;
      if (!present && config.models.allowRemote) {
        logger.warn(
          { lane, model: spec.model },
          'model not downloaded yet: downloading it now (npm run models -- download does this ahead of time)',
        );
      }
      await runtime.load(spec, present ? undefined : createProgressPrinter(process.stderr));
    } catch (error) {
      // A missing model must not stop the other lanes: its jobs get a clear message instead.
      logger.warn({ lane, model: spec.model, err: error }, 'model not loaded; jobs of this lane will report it');
    }
  }
  // Processors keep guild FAQs, misses and embeddings in Redis; one connection serves them all.
  const redis = createRedis(config.redis, 'worker');
  const host = new WorkerHost({ config, lanes, processors: createProcessors({ config, runtime, logger, redis }), logger });
  await host.start();
  logger.info({ lanes }, 'worker ready');
  process.send?.({ type: 'ready', lanes });

  onShutdown(async (signal) => {
    logger.info({ signal }, 'worker shutting down');
    await host.close();
    await redis.quit().catch(() => redis.disconnect());
    await runtime.dispose();
  });
});
