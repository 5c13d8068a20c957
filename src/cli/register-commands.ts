/**
 * `npm run commands:register` registers kotodama's slash commands and context-menu entries globally (they can take
 * up to an hour to appear everywhere); `-- --guild ID` (or DISCORD_GUILD_ID) registers them to one server at once.
 * Needs DISCORD_TOKEN. (`npm start` registers them by itself when they changed.)
 */
import { registerCommands } from '../bot/discord/register.ts';
import { loadConfig } from '../config/index.ts';
import { OperatorError } from '../core/errors.ts';
import { runMain } from '../core/run-main.ts';

runMain(async () => {
  const config = loadConfig();
  const token = config.discord.token;
  if (!token)
    throw new OperatorError('Set DISCORD_TOKEN (the bot token from the Discord developer portal, in .env or the environment) first.');
  const at = process.argv.indexOf('--guild');
  const guildId = at >= 0 ? process.argv[at + 1] : config.discord.guildId;
  if (at >= 0 && !/^\d{17,20}$/u.test(guildId ?? '')) throw new OperatorError('Usage: npm run commands:register -- [--guild <server id>]');
  const registration = await registerCommands({ apiUrl: config.discord.apiUrl, token, guildId, onlyWhenChanged: false });
  process.stdout.write(`Registered ${registration.count} commands ${registration.where}.\n`);
});
