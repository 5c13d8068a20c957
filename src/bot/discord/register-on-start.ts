/**
 * `npm start` with a token registers the slash commands by itself (`discord.registerCommands`), so a new owner sees
 * them without finding `npm run commands:register`: only when what Discord has differs from what this version
 * defines, in `DISCORD_GUILD_ID`'s server (at once) or globally (up to an hour). A failure is reported, not fatal.
 */
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../core/logger.ts';
import { registerCommands } from './register.ts';

export async function registerIfChanged(config: Config, token: string, logger: Logger): Promise<void> {
  try {
    const registration = await registerCommands({
      apiUrl: config.discord.apiUrl,
      token,
      guildId: config.discord.guildId,
      onlyWhenChanged: true,
    });
    if (registration.outcome === 'unchanged')
      logger.info(
        { count: registration.count, where: registration.where },
        `slash commands unchanged (${registration.count} ${registration.where})`,
      );
    else
      logger.info(
        { count: registration.count, where: registration.where },
        `registered ${registration.count} slash commands ${registration.where}${config.discord.guildId ? '' : ' (they can take up to an hour to appear everywhere; DISCORD_GUILD_ID registers in one server at once)'}`,
      );
  } catch (error) {
    logger.warn({ err: error }, 'could not register the slash commands; run `npm run commands:register` to retry');
  }
}
