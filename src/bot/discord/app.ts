/**
 * The Discord front end: one discord.js client, the producer that turns requests into lane jobs, the consumer of the
 * `replies` queue that posts answers, and live progress for waiting members. It implements `BotServices`, the narrow
 * surface handlers use.
 */
import type { Worker } from 'bullmq';
import { Client, Events, GatewayIntentBits, Partials, type RepliableInteraction } from 'discord.js';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Config } from '../../config/index.ts';
import { isUserError, UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createRedis } from '../../core/redis.ts';
import { coreMessages } from '../../i18n/messages.ts';
import { loadDetectors } from '../../text/detectors.ts';
import { localeOf, type Locale, type LocalText } from '../../i18n/text.ts';
import type { FollowUp } from '../../lanes/chain.ts';
import type { ActionRow, StepRequest } from '../../lanes/discord.ts';
import { allLanes, laneWithRole } from '../../lanes/index.ts';
import type { AnyLane, LaneRole, LaneWithInput } from '../../lanes/lane.ts';
import type { ResolvedSettings } from '../../lanes/server-settings.ts';
import { OpsMetrics, startBotOps, watchDiscord, type BotOps } from '../../ops/index.ts';
import type { JobContext } from '../../queue/envelope.ts';
import { LaneProducer } from '../../queue/producer.ts';
import { createReplyConsumer, REPLIES_QUEUE } from '../../queue/replies.ts';
import { AckGate } from './ack-gate.ts';
import { channelChain, interactionScope } from './access.ts';
import { answerSteps } from '../policy/ask.ts';
import { Deliverer } from './deliver.ts';
import { onInteraction } from './handlers/on-interaction.ts';
import { onMessage } from './handlers/on-message.ts';
import { onReaction } from './handlers/on-reaction.ts';
import { EPHEMERAL } from './kit.ts';
import { botMessages } from './messages.ts';
import { ProgressTracker } from './progress.ts';
import { deliverReply } from './reply.ts';
import type { BotServices, LaneInteraction, RunOptions } from './services.ts';
import { SettingsStore } from './settings.ts';
import { BotStore } from './store.ts';
import type { DiscordTarget } from './target.ts';

/** A lane job to queue for a Discord request. */
export interface Submission<I extends z.ZodType> {
  readonly lane: LaneWithInput<I>;
  readonly sourceId: string;
  readonly input: z.input<I>;
  readonly target: DiscordTarget;
  readonly context: JobContext;
  readonly then?: readonly FollowUp[];
  readonly quiet?: boolean;
  /** Show no placeholder (automatic answers that post nothing unless they have something to say). */
  readonly silent?: boolean;
}

export class DiscordBot implements BotServices {
  readonly client: Client;
  readonly store: BotStore;
  readonly settings: SettingsStore;
  readonly producer: LaneProducer;
  readonly deliverer: Deliverer;
  readonly progress: ProgressTracker;
  readonly redis: Redis;
  /** Prometheus metrics of this process (served when `http.port` is set). */
  readonly metrics = new OpsMetrics({ role: 'bot' });
  #ops?: BotOps;
  readonly #connections: Redis[] = [];
  readonly #shared = new Map<string, unknown>();
  /** Interactions this bot acknowledged through its own REST client (discord.js does not know). */
  readonly #acknowledged = new WeakSet<RepliableInteraction>();
  readonly #ackGate = new AckGate();
  #consumer?: Worker;

  constructor(
    readonly config: Config,
    readonly logger: Logger,
  ) {
    this.client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
        GatewayIntentBits.DirectMessages,
        GatewayIntentBits.GuildMessageReactions,
        GatewayIntentBits.DirectMessageReactions,
      ],
      partials: [Partials.Channel, Partials.Message, Partials.Reaction],
      rest: { api: config.discord.apiUrl },
      allowedMentions: { parse: [], repliedUser: false },
    });
    watchDiscord(this.metrics, this.client);
    this.redis = this.#redis('producer');
    this.store = new BotStore(this.redis, config.redis.prefix);
    this.settings = new SettingsStore(this.redis, config);
    // Queues get a connection of their own: BullMQ defines its scripts on it, and ioredis copies every defined
    // script into each MULTI, which made the per-request rate-limit transaction cost more than the request.
    this.producer = new LaneProducer(config, this.#redis('producer'), (lane) => this.progress.secondsPerJob(lane));
    this.deliverer = new Deliverer(this.client.rest, this.store, logger, config.discord.apiUrl);
    this.progress = new ProgressTracker(config, () => this.#redis('worker'), this.producer, this.deliverer, logger);
  }

  #redis(role: 'producer' | 'worker'): Redis {
    const redis = createRedis(this.config.redis, role);
    this.#connections.push(redis);
    return redis;
  }

  async start(token: string): Promise<void> {
    // Language detection (plain-language bookings, translation channels) takes ~2 s to load, about 1 s of it blocking
    // the event loop: before connecting, so that no member's request waits behind it (loaded later, it held every
    // answer of a 150/s load for 2 s).
    await Promise.all([
      this.progress.start(),
      loadDetectors().catch((error: unknown) => this.logger.warn({ err: error }, 'language detectors did not load')),
    ]);
    this.client.on(Events.MessageCreate, (message) => void this.#guard('message', () => onMessage(this, message)));
    this.client.on(Events.InteractionCreate, (interaction) => void this.#guard('interaction', () => onInteraction(this, interaction)));
    this.client.on(Events.MessageReactionAdd, (reaction, user) => void this.#guard('reaction', () => onReaction(this, reaction, user)));
    this.client.on(Events.Error, (error) => this.logger.error({ err: error }, 'discord client error'));
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    try {
      await this.client.login(token);
    } catch (error) {
      const { code, status } = error as { code?: unknown; status?: unknown };
      if (code === 'TokenInvalid' || status === 401) throw new UserError('bad_request', botMessages.tokenRejected);
      throw error;
    }
    await ready;
    this.#consumer = createReplyConsumer({
      config: this.config,
      connection: this.#redis('worker'),
      queueName: REPLIES_QUEUE,
      logger: this.logger,
      handler: (reply, attempt) => deliverReply(this, reply, attempt),
    });
    await this.#consumer.waitUntilReady();
    const queues = new Map([...allLanes().map((lane) => [lane.name, lane.queue] as const), [REPLIES_QUEUE, REPLIES_QUEUE] as const]);
    this.#ops = await startBotOps({
      config: this.config,
      logger: this.logger,
      metrics: this.metrics,
      client: this.client,
      redis: this.redis,
      queues,
    });
    this.logger.info({ user: this.client.user?.tag, ...(this.#ops.url ? { http: this.#ops.url } : {}) }, 'discord bot ready');
  }

  botId(): string {
    return this.client.user?.id ?? '';
  }

  changeSetting(scope: string, guildId: string, key: string, text: string, userId: string): Promise<string | null> {
    return this.settings.set(scope, guildId, key, text, userId);
  }

  changeMemberSetting(userId: string, key: string, text: string): Promise<string | null> {
    return this.settings.setForMember(userId, key, text);
  }

  settingsFor(interaction: RepliableInteraction): Promise<ResolvedSettings> {
    return this.settings.resolve(interactionScope(interaction), interaction.user.id);
  }

  localeOf(interaction: RepliableInteraction): Locale {
    return localeOf(interaction.locale);
  }

  contextOf(interaction: RepliableInteraction): JobContext {
    return {
      origin: 'discord',
      userId: interaction.user.id,
      locale: interaction.locale,
      language: this.localeOf(interaction),
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
      ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    };
  }

  shared<T>(key: string, create: () => T): T {
    if (!this.#shared.has(key)) this.#shared.set(key, create());
    return this.#shared.get(key) as T;
  }

  answerSteps(settings: ResolvedSettings, options: { request: StepRequest; spoken?: boolean }): FollowUp[] {
    return answerSteps(settings, options.request, this.config, options.spoken);
  }

  laneWithRole(role: LaneRole): AnyLane | undefined {
    const lane = laneWithRole(role);
    return lane && this.producer.tunables(lane.name).enabled ? lane : undefined;
  }

  stopProgress(jobId: string): Promise<void> {
    return this.progress.finish(jobId);
  }

  acknowledgedByBot(interaction: RepliableInteraction): boolean {
    return this.#acknowledged.has(interaction);
  }

  async replyPrivately(interaction: RepliableInteraction, text: LocalText, components: readonly ActionRow[] = []): Promise<void> {
    const content = text[this.localeOf(interaction)];
    if (this.#acknowledged.has(interaction)) {
      await this.deliverer.refuseAfterAcknowledge(interaction.applicationId, interaction.token, content);
      return;
    }
    if (interaction.deferred || interaction.replied) await interaction.followUp({ content, components: [...components], ...EPHEMERAL });
    else await interaction.reply({ content, components: [...components], ...EPHEMERAL });
  }

  /**
   * The standard way in: acknowledged first (within Discord's 3 s even under a burst, before any Redis work), then
   * the lane is checked to be on here, the member's rate limit, and the job queued. A refusal after the
   * acknowledgement replaces it with a private note.
   */
  async runInteraction<I extends z.ZodType>(
    interaction: LaneInteraction,
    lane: LaneWithInput<I>,
    input: z.input<I>,
    options: RunOptions = {},
  ): Promise<void> {
    await this.#ackGate.acknowledge(() => this.deliverer.acknowledge(interaction.id, interaction.token));
    this.#acknowledged.add(interaction);
    await this.#ackGate.clear();
    const settings = await this.settingsFor(interaction);
    if (!settings.laneEnabled(lane.name)) throw new UserError('unavailable', coreMessages.laneOff(lane.verb));
    const context = this.contextOf(interaction);
    await this.admit(context);
    const target: DiscordTarget = {
      kind: 'interaction',
      applicationId: interaction.applicationId,
      token: interaction.token,
      createdAt: interaction.createdTimestamp,
      channelId: interaction.channelId ?? '',
      userId: interaction.user.id,
      ...(options.messageId ? { messageId: options.messageId } : {}),
    };
    await this.submit({
      lane,
      sourceId: options.sourceId ?? interaction.id,
      input,
      target,
      context,
      ...(options.then ? { then: options.then } : {}),
      ...(options.quiet ? { quiet: true } : {}),
    });
  }

  /** Per-member and per-server rate limits: throws a UserError with the retry time when over. */
  async admit(context: JobContext): Promise<void> {
    const { userPerMinute, guildPerMinute } = this.config.discord.rateLimit;
    let wait = await this.store.rateLimit('user', context.userId, userPerMinute);
    if (!wait && context.guildId) wait = await this.store.rateLimit('guild', context.guildId, guildPerMinute);
    if (wait) throw new UserError('rate_limited', coreMessages.rateLimited(wait));
  }

  /** Enqueues and starts live progress. Throws a UserError for anything the member should read. */
  async submit<I extends z.ZodType>(submission: Submission<I>): Promise<string> {
    const { context, lane } = submission;
    let jobId: string;
    try {
      ({ jobId } = await this.producer.enqueue(lane, {
        sourceId: submission.sourceId,
        input: submission.input,
        context,
        reply: { queue: REPLIES_QUEUE, target: submission.target },
        requestedAt: Date.now(),
        ...(submission.then?.length ? { then: submission.then } : {}),
        ...(submission.quiet ? { quiet: true } : {}),
      }));
    } catch (error) {
      if (isUserError(error)) throw error;
      this.logger.error({ err: error }, 'enqueue failed');
      throw new UserError('unavailable', coreMessages.queueUnavailable);
    }
    if (!submission.silent) this.progress.track(lane, jobId, submission.target, submission.sourceId, context.language ?? 'en');
    return jobId;
  }

  /** The settings scope chain of a message's channel. */
  scopeOf(message: { guildId: string | null; channel: { readonly id: string } | null }) {
    return message.guildId ? { guildId: message.guildId, channelIds: channelChain(message.channel) } : null;
  }

  /** Runs a handler; anything it did not handle is logged with a reference (handlers answer members themselves). */
  async #guard(kind: string, handler: () => Promise<void>): Promise<void> {
    try {
      await handler();
    } catch (error) {
      this.logger.error({ err: error, kind }, 'handler failed');
    }
  }

  async close(): Promise<void> {
    await this.#consumer?.close();
    await this.#ops?.close();
    await this.progress.close();
    await this.client.destroy();
    await this.producer.close();
    for (const redis of this.#connections) await redis.quit().catch(() => redis.disconnect());
  }
}
