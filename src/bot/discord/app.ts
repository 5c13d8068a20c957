/**
 * The Discord front end: one discord.js client, the producer that turns requests into lane jobs, the
 * consumer of the `replies` queue that posts answers, and live progress for waiting members.
 */
import type { Worker } from 'bullmq';
import { Client, GatewayIntentBits, Partials, Events } from 'discord.js';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { describeError, isUserError, UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createRedis } from '../../core/redis.ts';
import type { LaneInput, LaneName } from '../../lanes/registry.ts';
import { REPLIES_QUEUE } from '../../lanes/registry.ts';
import type { FollowUp, JobContext, ReplyEnvelope } from '../../queue/envelope.ts';
import { LaneProducer } from '../../queue/producer.ts';
import { createReplyConsumer } from '../../queue/replies.ts';
import { Deliverer } from './deliver.ts';
import { onInteraction } from './handlers/interactions.ts';
import { onMessage } from './handlers/messages.ts';
import { onReaction } from './handlers/reactions.ts';
import { BotFaq, faqReplyComponents } from './handlers/faq-state.ts';
import { ProgressTracker } from './progress.ts';
import { SettingsStore } from './settings.ts';
import { BotStore } from './store.ts';
import { afterTranscript, LanguageMemory, renderReply } from './transcript.ts';
import { discordTargetSchema, type DiscordTarget } from './target.ts';

export interface Submission<L extends LaneName> {
  readonly lane: L;
  readonly sourceId: string;
  readonly input: LaneInput<L>;
  readonly target: DiscordTarget;
  readonly context: JobContext;
  readonly then?: readonly FollowUp[];
}

export class DiscordBot {
  readonly client: Client;
  readonly store: BotStore;
  readonly settings: SettingsStore;
  readonly faq: BotFaq;
  readonly producer: LaneProducer;
  readonly deliverer: Deliverer;
  readonly progress: ProgressTracker;
  /** Each user's last spoken language (a hint for short voice clips). */
  readonly languages: LanguageMemory;
  readonly #connections: Redis[] = [];
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
    const producerRedis = this.#redis('producer');
    this.store = new BotStore(producerRedis, config.redis.prefix);
    this.settings = new SettingsStore(producerRedis, config);
    this.faq = new BotFaq(producerRedis, config);
    this.producer = new LaneProducer(config, producerRedis);
    this.languages = new LanguageMemory(producerRedis, config);
    this.deliverer = new Deliverer(this.client.rest, this.store, logger);
    this.progress = new ProgressTracker(config, () => this.#redis('worker'), this.producer, this.deliverer, logger);
  }

  #redis(role: 'producer' | 'worker'): Redis {
    const redis = createRedis(this.config.redis, role);
    this.#connections.push(redis);
    return redis;
  }

  async start(token: string): Promise<void> {
    await this.progress.start();
    this.client.on(Events.MessageCreate, (message) => void this.#guard('message', () => onMessage(this, message)));
    this.client.on(Events.InteractionCreate, (interaction) => void this.#guard('interaction', () => onInteraction(this, interaction)));
    this.client.on(Events.MessageReactionAdd, (reaction, user) => void this.#guard('reaction', () => onReaction(this, reaction, user)));
    this.client.on(Events.Error, (error) => this.logger.error({ err: error }, 'discord client error'));
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    try {
      await this.client.login(token);
    } catch (error) {
      const { code, status } = error as { code?: unknown; status?: unknown };
      if (code === 'TokenInvalid' || status === 401) {
        throw new UserError(
          'bad_request',
          'Discord rejected DISCORD_TOKEN. Copy the bot token again (Developer Portal → Bot → Reset Token).',
        );
      }
      throw error;
    }
    await ready;
    this.#consumer = createReplyConsumer({
      config: this.config,
      connection: this.#redis('worker'),
      queueName: REPLIES_QUEUE,
      logger: this.logger,
      handler: (reply) => this.#onReply(reply),
    });
    await this.#consumer.waitUntilReady();
    this.logger.info({ user: this.client.user?.tag }, 'discord bot ready');
  }

  get botId(): string {
    return this.client.user?.id ?? '';
  }

  /** Per-user and per-guild rate limits: throws a UserError with the retry time when over. */
  async admit(context: JobContext): Promise<void> {
    const { userPerMinute, guildPerMinute } = this.config.discord.rateLimit;
    let wait = await this.store.rateLimit('user', context.userId, userPerMinute).catch(() => 0);
    if (!wait && context.guildId) wait = await this.store.rateLimit('guild', context.guildId, guildPerMinute).catch(() => 0);
    if (wait) throw new UserError('rate_limited', `You're sending requests a little fast. Please try again in ${wait} s.`);
  }

  /** Enqueues and starts live progress. Throws UserError for anything the user should read. */
  async submit<L extends LaneName>(submission: Submission<L>): Promise<string> {
    const { context } = submission;
    let jobId: string;
    try {
      ({ jobId } = await this.producer.enqueue(submission.lane, {
        sourceId: submission.sourceId,
        input: submission.input,
        context,
        reply: { queue: REPLIES_QUEUE, target: submission.target },
        ...(submission.then ? { then: submission.then } : {}),
      }));
    } catch (error) {
      if (isUserError(error)) throw error;
      this.logger.error({ err: error }, 'enqueue failed');
      throw new UserError('unavailable', "I can't reach my job queue right now. Please try again in a minute.");
    }
    await this.progress.track(submission.lane, jobId, submission.target);
    return jobId;
  }

  /** A finished step: replace the placeholder with the answer (or the error), exactly once. */
  async #onReply(reply: ReplyEnvelope): Promise<void> {
    const parsed = discordTargetSchema.safeParse(reply.target);
    if (!parsed.success) {
      this.logger.error({ jobId: reply.jobId }, 'reply without a Discord target');
      return;
    }
    const target = parsed.data;
    await this.progress.finish(reply.jobId);
    // The placeholder belongs to the first step that answers; a later step of a chain posts anew.
    const owner = await this.store.claim('placeholder', reply.sourceId, reply.jobId);
    // Transcripts get their buttons, and long ones their .txt/.srt files.
    const rendered = renderReply(reply, this.config);
    await this.deliverer.deliver(
      reply.jobId,
      target,
      rendered.text,
      [...faqReplyComponents(reply), ...rendered.components],
      owner !== reply.jobId,
      rendered.files,
    );
    // A chained next step answers in a new message; its progress must not overwrite this answer.
    await afterTranscript(this, reply, target);
  }

  /** Runs a handler with the one error ladder: expected problems are logged quietly, others with a reference. */
  async #guard(kind: string, handler: () => Promise<void>): Promise<void> {
    try {
      await handler();
    } catch (error) {
      const described = describeError(error);
      if (described.reference) this.logger.error({ err: error, reference: described.reference, kind }, 'handler failed');
    }
  }

  async close(): Promise<void> {
    await this.#consumer?.close();
    await this.progress.close();
    await this.client.destroy();
    await this.producer.close();
    for (const redis of this.#connections) await redis.quit().catch(() => redis.disconnect());
  }
}
