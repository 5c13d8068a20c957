/**
 * `npm run commands:register` registers kotodama's slash commands and context-menu entries globally
 * (they can take up to an hour to appear everywhere); `-- --guild ID` registers them to one server at
 * once (handy while testing). Needs DISCORD_TOKEN.
 */
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../bot/discord/commands.ts';
import { loadConfig } from '../config/index.ts';
import { UserError } from '../core/errors.ts';
import { runMain } from '../core/run-main.ts';

runMain(async () => {
  const config = loadConfig();
  const token = config.discord.token;
  if (!token) throw new UserError('bad_request', 'Set DISCORD_TOKEN (the bot token from the Discord developer portal) first.');
  const at = process.argv.indexOf('--guild');
  const guildId = at >= 0 ? process.argv[at + 1] : undefined;
  if (at >= 0 && !/^\d{17,20}$/u.test(guildId ?? ''))
    throw new UserError('bad_request', 'Usage: npm run commands:register -- [--guild <server id>]');
  const rest = new REST({ api: config.discord.apiUrl }).setToken(token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const body = commandDefinitions();
  const route = guildId ? Routes.applicationGuildCommands(application.id, guildId) : Routes.applicationCommands(application.id);
  const registered = (await rest.put(route, { body })) as unknown[];
  process.stdout.write(`Registered ${registered.length} commands ${guildId ? `in server ${guildId}` : 'globally'}.\n`);
});
