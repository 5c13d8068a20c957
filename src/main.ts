/**
 * `npm start`: everything on one machine — worker processes (one per lane group, `workers.layout`) plus the front end: the Discord
 * bot when DISCORD_TOKEN is set, otherwise the local terminal chat. `npm run bot` (`--bot-only`)
 * runs the front end alone, against workers started elsewhere with `npm run worker`.
 */
import { LocalSession, runTerminal } from './bot/local/index.ts';
import { spawnWorkers, type SpawnedWorker } from './bot/spawn-worker.ts';
import { createStatusReporter } from './bot/startup-report.ts';
import { loadConfig } from './config/index.ts';
import { workerGroups } from './config/workers.ts';
import { DiscordBot } from './bot/discord/app.ts';
import { registerIfChanged } from './bot/discord/register-on-start.ts';
import { createLogger } from './core/logger.ts';
import { assertRedisReachable } from './core/redis.ts';
import { runMain } from './core/run-main.ts';
import { onShutdown } from './core/shutdown.ts';
import { LANE_NAMES } from './lanes/index.ts';
import { workerPorts } from './ops/index.ts';

runMain(async () => {
  const botOnly = process.argv.includes('--bot-only');
  const config = loadConfig();
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // The terminal chat prints answers on stdout; keep routine logs out of the way unless asked for.
  const logLevel = process.env.LOG_LEVEL ?? (config.discord.token ? config.log.level : 'warn');
  const logger = createLogger({ level: logLevel });
  await assertRedisReachable(config.redis);

  // Workers start now and the front end with them: each lane answers as soon as its own worker and models are in.
  let workers: SpawnedWorker[] = [];
  let stopping = false;
  if (!botOnly) {
    const groups = workerGroups(
      config.workers,
      LANE_NAMES.filter((lane) => config.lanes[lane].enabled),
    );
    // Each worker serves its operations endpoints on a port after the bot's (0 stays off).
    const ports = workerPorts(config.http.port, groups.length);
    workers = spawnWorkers(
      groups,
      {
        env: { ...process.env, LOG_LEVEL: logLevel },
        logger,
        onStatus: createStatusReporter(logger, { plain: !config.discord.token || Boolean(process.stderr.isTTY) }),
      },
      (index) => ({ KOTODAMA_HTTP_PORT: String(ports[index] ?? 0) }),
    );
    Promise.all(workers.map((worker) => worker.ready())).then(
      () => logger.info({ processes: workers.length }, 'workers ready'),
      (error: unknown) => {
        if (stopping) return; // stopped before it was ready: not a failure
        process.stderr.write(`kotodama: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  }
  const stopWorkers = () => {
    stopping = true;
    return Promise.all(workers.map((worker) => worker.stop()));
  };
  if (config.discord.token) {
    const bot = new DiscordBot(config, logger);
    onShutdown(async () => {
      await bot.close();
      await stopWorkers();
    });
    await bot.start(config.discord.token);
    if (config.discord.registerCommands) await registerIfChanged(config, config.discord.token, logger);
    return;
  }
  const session = new LocalSession(config, logger);
  await session.ready();
  const shutdown = async () => {
    await session.close();
    await stopWorkers();
  };
  onShutdown(shutdown);
  await runTerminal(session, { input: process.stdin, output: process.stdout, interactive });
  await shutdown();
  process.exit(session.failures > 0 && !interactive ? 1 : 0);
});
