/**
 * Messages. Each lane may take a message on its own (voice messages → transcription, auto-translate channels);
 * otherwise a message addressed to the bot — a mention, a DM, a reply to it, its trigger word — is a question and
 * gets the answer policy (`ask.ts`); in a channel with `autoAnswer`, a question nobody addressed is answered only
 * when the FAQ is sure. Work nobody asked for stays silent when refused.
 */
import type { Message } from 'discord.js';
import { isUserError } from '../../../core/errors.ts';
import { isRedisDown } from '../../../core/redis.ts';
import { coreMessages } from '../../../i18n/messages.ts';
import { pick, type Locale } from '../../../i18n/text.ts';
import type { Plan } from '../../../lanes/discord.ts';
import { laneNamed } from '../../../lanes/index.ts';
import type { AnyLane } from '../../../lanes/lane.ts';
import type { ResolvedSettings } from '../../../lanes/server-settings.ts';
import { looksLikeQuestion } from '../../../text/question.ts';
import type { JobContext } from '../../../queue/envelope.ts';
import { isAllowed } from '../access.ts';
import type { DiscordBot } from '../app.ts';
import { answerAllSetting, autoAnswerSetting, languageSetting, triggerWordSetting } from '../../policy/core-settings.ts';
import { cleanContent, conversationFor, matchesTrigger } from '../conversation.ts';
import { forMember } from '../errors.ts';
import type { IncomingMessage } from '../services.ts';
import { messageRoutes } from '../surfaces.ts';

interface Chosen {
  readonly lane: AnyLane;
  readonly plan: Plan<unknown>;
  /** Posted only when it answers (autoAnswer). */
  readonly onlyIfAnswered?: boolean;
}

export async function onMessage(bot: DiscordBot, message: Message): Promise<void> {
  if (message.author.bot || message.system || message.webhookId) return;
  const botId = bot.botId();
  const dm = !message.inGuild();
  const scope = bot.scopeOf(message);
  if (scope && !isAllowed(bot.config.discord.access, scope.channelIds, message.member)) return;
  let incoming: IncomingMessage | undefined;
  let chosen: Chosen | undefined;
  try {
    const settings = await bot.settings.resolve(scope, message.author.id);
    const triggered = !dm && (settings.get(answerAllSetting) || matchesTrigger(message.content, settings.get(triggerWordSetting)));
    const addressed = dm || message.mentions.users.has(botId) || message.mentions.repliedUser?.id === botId || triggered;
    let optedOut: Promise<boolean> | undefined;
    incoming = {
      message,
      text: cleanContent(message.content, botId),
      dm,
      addressed,
      settings,
      locale: messageLocale(message, settings),
      optedOut: () => (optedOut ??= bot.store.optedOut(message.author.id)),
    };
    chosen = await choose(bot, incoming);
    if (!chosen || !settings.laneEnabled(chosen.lane.name) || !bot.producer.tunables(chosen.lane.name).enabled) return;
    // A gateway replay delivers the same message again: handle each message once.
    if (!(await bot.store.firstSeen('message', message.id))) return;
    const context: JobContext = {
      origin: 'discord',
      userId: message.author.id,
      channelId: message.channelId,
      language: incoming.locale,
      ...(message.guildId ? { guildId: message.guildId } : {}),
    };
    await bot.admit(context);
    const { plan } = chosen;
    await bot.submit({
      lane: chosen.lane,
      sourceId: plan.sourceId ?? message.id,
      input: plan.input,
      target: {
        kind: 'message',
        channelId: message.channelId,
        messageId: message.id,
        userId: message.author.id,
        ...(chosen.onlyIfAnswered ? { onlyIfAnswered: true } : {}),
      },
      context,
      ...(plan.then ? { then: plan.then } : {}),
      ...(plan.quiet ? { quiet: true } : {}),
      ...(chosen.onlyIfAnswered ? { silent: true } : {}),
    });
  } catch (error) {
    await refuse(bot, message, error, chosen?.plan.automatic ?? !incoming?.addressed, incoming?.locale ?? 'en');
  }
}

/**
 * The lanes' routes first (in their order; a route that answers by itself ends the routing), then the answer policy
 * for messages addressed to the bot.
 */
async function choose(bot: DiscordBot, incoming: IncomingMessage): Promise<Chosen | undefined> {
  for (const { lane, route } of messageRoutes()) {
    const on = incoming.settings.laneEnabled(lane.name) && bot.producer.tunables(lane.name).enabled;
    if (route.handle && on && (await route.handle(incoming, bot))) return undefined;
    const plan = await route.plan(incoming, bot);
    if (plan) return { lane, plan };
  }
  if (!incoming.text) return undefined;
  const autoAnswer = !incoming.addressed && incoming.settings.get(autoAnswerSetting) && looksLikeQuestion(incoming.text);
  if (!incoming.addressed && !autoAnswer) return undefined;
  const message = incoming.message;
  const turns = incoming.addressed ? await conversationFor(message, bot.botId()) : [];
  const request = {
    userId: message.author.id,
    guildId: message.guildId,
    channelId: message.channelId,
    isThread: message.channel.isThread(),
    turns,
  };
  const steps = bot.answerSteps(incoming.settings, { request });
  const [first, ...rest] = autoAnswer ? steps.filter((step) => laneNamed(step.lane)?.role === 'knowledge') : steps;
  const lane = first && laneNamed(first.lane);
  const input = first && lane?.chain?.input?.({ text: incoming.text }, first.options ?? {});
  if (!lane || input === undefined) return undefined;
  const plan: Plan<unknown> = {
    input,
    automatic: autoAnswer,
    ...(rest.length ? { then: rest } : {}),
    ...(first.quiet ? { quiet: true } : {}),
  };
  return { lane, plan, ...(autoAnswer ? { onlyIfAnswered: true } : {}) };
}

/**
 * The language the bot answers channel messages in: the server's `language` setting, else its preferred locale
 * (Discord's community setting); in DMs, Japanese when the member writes Japanese.
 */
export function messageLocale(message: Message, settings: ResolvedSettings): Locale {
  const chosen = settings.get(languageSetting);
  if (chosen !== 'auto') return chosen;
  if (message.guild) return message.guild.preferredLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(message.content) ? 'ja' : 'en';
}

/**
 * The error ladder for messages. Automatic work nobody asked for is refused silently; a rate-limit notice is shown
 * at most once per member and window; Redis being down reads as "try again shortly".
 */
async function refuse(bot: DiscordBot, message: Message, error: unknown, automatic: boolean, locale: Locale): Promise<void> {
  const redisDown = isRedisDown(error);
  if (automatic && !redisDown) {
    if (!isUserError(error)) forMember(error, bot.logger, { kind: 'message' });
    return;
  }
  if (isUserError(error) && error.code === 'rate_limited') {
    const window = Math.floor(Date.now() / 60_000);
    if (!(await bot.store.firstSeen('rate-notice', `${message.author.id}-${window}`).catch(() => false))) return;
  }
  const text = redisDown ? coreMessages.queueUnavailable : forMember(error, bot.logger, { kind: 'message' }).userMessage;
  await bot.deliverer.replyTo(message.channelId, message.id, `⚠️ ${pick(text, locale)}`).catch((replyError: unknown) => {
    bot.logger.warn({ err: replyError }, 'could not tell the member about a refused message');
  });
}
