/**
 * Translation channels in the running bot: the lane's message route hands a new message in a channel with a rule
 * to the relay (`ChannelRelay`), which posts its translations through the channel webhooks as the author, pinging
 * nobody; translations run on the workers (`QueuedTranslator`). The relay is built on the first such message,
 * and from then on edits and deletions of originals follow their copies through the client's events.
 */
import { Events, type Client } from 'discord.js';
import type { BotServices } from '../../../bot/discord/services.ts';
import { isUserError } from '../../../core/errors.ts';
import { createRedis } from '../../../core/redis.ts';
import { DiscordWebhookPoster, relayMessageFrom } from './discord-poster.ts';
import { QueuedTranslator } from './queued-translator.ts';
import { ChannelRelay, type RelayOutcome } from './relay.ts';
import { channelStore } from './shared.ts';

/** The bot's one relay, listening to edits and deletions from its creation on. */
export function botRelay(services: BotServices, client: Client): ChannelRelay {
  return services.shared('translate:relay', () => {
    const logger = services.logger.child({ part: 'translation-channels' });
    const translator = new QueuedTranslator({
      config: services.config,
      producer: services.producer,
      connection: createRedis(services.config.redis, 'worker'),
      logger,
    });
    const relay = new ChannelRelay({
      store: channelStore(services),
      poster: new DiscordWebhookPoster(client),
      botUserId: services.botId(),
      // A relay channel's messages count against their author's rate limit like any other request.
      admit: async (message) => {
        try {
          await services.admit({
            origin: 'discord',
            userId: message.author.id,
            channelId: message.channelId,
            ...(message.guildId ? { guildId: message.guildId } : {}),
          });
          return true;
        } catch (error) {
          if (isUserError(error) && error.code === 'rate_limited') return false;
          throw error;
        }
      },
      translate: (request) => translator.translate(request),
      logger,
      onOutcome: (outcome: RelayOutcome) => logger.info({ ...outcome }, 'translation channel relay'),
    });
    client.on(Events.MessageUpdate, (_before, after) => {
      if (!after.author?.bot && !after.webhookId) void relay.onUpdate(relayMessageFrom(after));
    });
    client.on(Events.MessageDelete, (message) => void relay.onDelete(message.id));
    return relay;
  });
}
