/** The bot's one instance of the translation-channel state, shared by `/autotranslate` and the relay. */
import type { BotServices } from '../../../bot/discord/services.ts';
import { translateSettings, type TranslateSettings } from '../settings.ts';
import { ChannelStore } from './store.ts';

/** The lane's settings from the bot's config (parsed once per bot). */
export function translateSettingsOf(services: BotServices): TranslateSettings {
  return services.shared('translate:settings', () => translateSettings(services.config.translate));
}

/** The bot's channel store (rules, copies, own webhooks). */
export function channelStore(services: BotServices): ChannelStore {
  return services.shared(
    'translate:channels',
    () =>
      new ChannelStore({
        redis: services.redis,
        prefix: services.config.redis.prefix,
        followWindowSec: translateSettingsOf(services).channels.followWindowSec,
        logger: services.logger,
      }),
  );
}
