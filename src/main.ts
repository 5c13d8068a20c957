/**
 * `npm start`: everything on one machine — workers in a child process plus the front end: the Discord
 * bot when DISCORD_TOKEN is set, otherwise the local terminal chat. `npm run bot` (`--bot-only`)
 * runs the front end alone, against workers started elsewhere with `npm run worker`.
 */
import { LocalSession, runTerminal } from './bot/local/index.ts';
import { spawnWorker, type SpawnedWorker } from './bot/spawn-worker.ts';
import { loadConfig } from './config/index.ts';
import { DiscordBot } from './bot/discord/app.ts';
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

  let worker: SpawnedWorker | undefined;
  if (!botOnly) {
    const lanes = LANE_NAMES.filter((lane) => config.lanes[lane].enabled);
    // The worker serves its operations endpoints on the port after the bot's (0 stays off).
    const [workerPort = 0] = workerPorts(config.http.port, 1);
    worker = await spawnWorker(lanes, { ...process.env, LOG_LEVEL: logLevel, KOTODAMA_HTTP_PORT: String(workerPort) }, logger);
  }
  if (config.discord.token) {
    const bot = new DiscordBot(config, logger);
    onShutdown(async () => {
      await bot.close();
      await worker?.stop();
    });
    await bot.start(config.discord.token);
    return;
  }
  const session = new LocalSession(config, logger);
  await session.ready();
  const shutdown = async () => {
    await session.close();
    await worker?.stop();
  };
  onShutdown(shutdown);
  await runTerminal(session, { input: process.stdin, output: process.stdout, interactive });
  await shutdown();
  process.exit(session.failures > 0 && !interactive ? 1 : 0);
});
