/**
 * `npm run worker -- --lanes faq,translate` (default: every enabled lane). Takes jobs at once and loads each lane's
 * models behind them (a lane answers once its own models are in), then serves the lanes until SIGINT/SIGTERM.
 */
import { loadConfig } from './config/index.ts';
import { parseLanes } from './core/args.ts';
import { createLogger } from './core/logger.ts';
import { assertRedisReachable, createRedis } from './core/redis.ts';
import { runMain } from './core/run-main.ts';
import { onShutdown } from './core/shutdown.ts';
import { formatLaneStatus, prepareLane, type LaneStatus } from './inference/prepare.ts';
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
  // Lanes keep server FAQs, misses, embeddings, conversations in Redis; one connection serves them all.
  const redis = createRedis(config.redis, 'worker');
  const served: ServedLane[] = [];
  for (const lane of lanes) served.push({ lane, processor: await lane.createProcessor({ config, runtime, logger, redis }) });
  // Models load while the lanes already take jobs: a lane is ready when its own models are (lanes ready one by one),
  // and a job for a model still downloading is told how far it is. npm start prints the statuses it gets over IPC.
  const report = (status: LaneStatus) => {
    if (process.send) process.send(status);
    else if (status.state === 'missing') logger.warn(formatLaneStatus(status));
    else logger.info(formatLaneStatus(status));
  };
  // Started before the lanes take jobs, so that a job never starts an untracked download of its own.
  const preparing = (async () => {
    for (const lane of lanes) await prepareLane(lane, config, runtime, report);
  })();
  const host = new WorkerHost({ config, lanes: served, logger });
  await host.start();
  logger.info({ lanes: names }, 'worker ready');
  process.send?.({ type: 'ready', lanes: names });
  onShutdown(async (signal) => {
    logger.info({ signal }, 'worker shutting down');
    await host.close();
    await redis.quit().catch(() => redis.disconnect());
    await runtime.dispose();
  });

  await preparing;
});
