/**
 * A local chat session: the same path as Discord (route → enqueue → worker → replies queue), with this process as
 * the front end. Lanes bring their commands (`/translate ja hello`); plain text is a question and gets the same
 * answer policy as a mention in Discord (the FAQ first, then chat). Each session owns a private replies queue so
 * several sessions on one Redis never take each other's answers.
 */
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { describeError, UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createRedis, redisHelp } from '../../core/redis.ts';
import { coreMessages } from '../../i18n/messages.ts';
import { localTextSchema, pick, verbatim, type Locale } from '../../i18n/text.ts';
import { allLanes, laneNamed } from '../../lanes/index.ts';
import type { AnyLane } from '../../lanes/lane.ts';
import type { FollowUp, JobContext, ReplyEnvelope } from '../../queue/envelope.ts';
import { laneJobId } from '../../queue/job-id.ts';
import { LaneProducer } from '../../queue/producer.ts';
import { createReplyConsumer } from '../../queue/replies.ts';
import { botMessages } from '../discord/messages.ts';
import { answerSteps } from '../policy/ask.ts';
import { defaultSettings } from '../policy/settings-registry.ts';

/** What a request reports while it runs (the terminal shows it as a spinner line, or streams chat text). */
export type LocalProgress = { readonly lane: AnyLane; readonly stage: string; readonly delta?: string };

interface Pending {
  readonly lane: string;
  resolve: (reply: ReplyEnvelope) => void;
  reject: (error: Error) => void;
}

/** The terminal's language: `KOTODAMA_LANGUAGE`, else Japanese when the system locale is Japanese. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const chosen = env.KOTODAMA_LANGUAGE ?? env.LC_ALL ?? env.LANG ?? '';
  return chosen.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export class LocalSession {
  readonly id = randomUUID().slice(0, 12);
  readonly locale: Locale;
  readonly #pending = new Map<string, Pending>();
  readonly #producerConnection: Redis;
  readonly #consumerConnection: Redis;
  readonly #producer: LaneProducer;
  readonly #consumer: Worker;
  readonly #queueName: string;
  readonly #events = new Map<string, QueueEvents>();
  readonly #eventConnections: Redis[] = [];
  readonly #context: JobContext;
  #counter = 0;
  /** Requests answered with an error (piped input exits non-zero when any did). */
  failures = 0;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    locale: Locale = terminalLocale(),
  ) {
    this.locale = locale;
    this.#context = { origin: 'local', userId: process.env.USER ?? 'local', language: locale };
    this.#queueName = `replies-local-${this.id}`;
    this.#producerConnection = createRedis(config.redis, 'producer');
    this.#consumerConnection = createRedis(config.redis, 'worker');
    this.#producer = new LaneProducer(config, this.#producerConnection);
    this.#consumer = createReplyConsumer({
      config,
      connection: this.#consumerConnection,
      queueName: this.#queueName,
      logger,
      handler: async (reply) => this.#onReply(reply),
    });
  }

  async ready(): Promise<void> {
    await this.#consumer.waitUntilReady();
    for (const lane of this.enabledLanes()) {
      const connection = createRedis(this.config.redis, 'worker');
      this.#eventConnections.push(connection);
      const events = new QueueEvents(lane.queue, { connection, prefix: this.config.redis.prefix });
      events.on('error', () => undefined);
      this.#events.set(lane.name, events);
    }
    await Promise.all([...this.#events.values()].map((events) => events.waitUntilReady()));
  }

  /** Answers one line of input with the text to print. Never throws: errors become messages. */
  async answer(line: string, onProgress?: (progress: LocalProgress) => void): Promise<string> {
    try {
      const text = line.trim();
      if (!text) throw new UserError('bad_request', botMessages.typeSomething);
      if (text.length > this.config.limits.maxTextChars)
        throw new UserError('too_long', coreMessages.tooLong(text.length, this.config.limits.maxTextChars));
      if (/^\/help$/iu.test(text)) return this.help();
      const request = text.startsWith('/') ? await this.#command(text) : this.#question(text);
      const sourceId = `local-${this.id}-${++this.#counter}`;
      const reply = { queue: this.#queueName, target: { line: this.#counter } };
      await this.#enqueue(request.lane, { sourceId, input: request.input, context: this.#context, reply, ...request.chain });
      return await this.#answers(request.lane, sourceId, onProgress);
    } catch (error) {
      this.failures += 1;
      const described = describeError(error);
      if (described.reference) this.logger.error({ err: error, reference: described.reference }, 'local chat request failed');
      return `⚠️ ${pick(described.userMessage, this.locale)}`;
    }
  }

  /** The terminal's `/help`: each enabled lane's command, and what plain text does. */
  help(): string {
    const lines = this.enabledLanes().flatMap((lane) =>
      lane.local ? [`${lane.local.usage} — ${pick(lane.local.does, this.locale)}`] : [],
    );
    return [
      pick(botMessages.localHelpTitle, this.locale),
      ...lines,
      pick(botMessages.localHelpLine, this.locale),
      pick(botMessages.localPlainText, this.locale),
    ].join('\n');
  }

  enabledLanes(): AnyLane[] {
    return allLanes().filter((lane) => this.#producer.tunables(lane.name).enabled);
  }

  async #command(text: string): Promise<{ lane: AnyLane; input: unknown; chain: { then?: FollowUp[]; quiet?: boolean } }> {
    const [word = ''] = text.split(/\s+/u);
    const command = word.toLowerCase();
    const lane = this.enabledLanes().find((l) => l.local?.command === command || l.local?.aliases?.includes(command));
    if (!lane?.local) {
      const known = ['/help', ...this.enabledLanes().flatMap((l) => (l.local ? [l.local.command] : []))].join(', ');
      throw new UserError('bad_request', botMessages.unknownLocalCommand(word, known));
    }
    return { lane, input: await lane.local.parse(text.slice(word.length).trim(), { config: this.config, command }), chain: {} };
  }

  /** Plain text: the answer policy with the settings every server starts with. */
  #question(text: string): { lane: AnyLane; input: unknown; chain: { then?: FollowUp[]; quiet?: boolean } } {
    const request = {
      userId: this.#context.userId,
      guildId: null,
      channelId: 'local',
      isThread: false,
      turns: [{ role: 'user' as const, content: text }],
    };
    const [first, ...rest] = answerSteps(defaultSettings(this.config), request, this.config);
    const lane = first && laneNamed(first.lane);
    const input = first && lane?.chain?.input?.({ text }, first.options ?? {});
    if (!lane || input === undefined) throw new UserError('unavailable', coreMessages.laneDisabled('faq/generate'));
    return { lane, input, chain: { ...(rest.length ? { then: rest } : {}), ...(first.quiet ? { quiet: true } : {}) } };
  }

  async #enqueue(lane: AnyLane, request: Parameters<LaneProducer['enqueue']>[1]) {
    try {
      return await this.#producer.enqueue(lane, request);
    } catch (error) {
      if (error instanceof UserError) throw error;
      // Producers fail fast: a Redis outage surfaces here, right away, with what to do about it.
      throw new UserError('unavailable', verbatim(redisHelp(this.config.redis.url)));
    }
  }

  /** Waits for each step of the request to answer, following the chain, and joins what is to be shown. */
  async #answers(first: AnyLane, sourceId: string, onProgress: ((progress: LocalProgress) => void) | undefined): Promise<string> {
    const shown: string[] = [];
    let lane: AnyLane | undefined = first;
    while (lane) {
      const jobId = laneJobId(lane.name, sourceId);
      const reply = await this.#wait(jobId, lane, onProgress);
      if (!reply.outcome.ok) {
        this.failures += 1;
        shown.push(`⚠️ ${pick(reply.outcome.error.message, this.locale)}`);
        break;
      }
      if (!(reply.quiet && reply.next))
        shown.push(lane.render(lane.result.parse(reply.outcome.result), { locale: this.locale, config: this.config }));
      lane = reply.next ? laneNamed(reply.next) : undefined;
    }
    return shown.join('\n\n');
  }

  /** Waits for a job's reply, reporting its progress; gives up with a clear message after its time is up. */
  #wait(jobId: string, lane: AnyLane, onProgress: ((progress: LocalProgress) => void) | undefined): Promise<ReplyEnvelope> {
    const tunables = this.#producer.tunables(lane.name);
    const limitMs = (tunables.timeoutSec * tunables.attempts + 120) * 1000;
    const stop = onProgress ? this.#watch(jobId, lane, onProgress) : undefined;
    return new Promise<ReplyEnvelope>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(jobId);
        reject(new UserError('unavailable', coreMessages.noWorker(Math.round(limitMs / 1000))));
      }, limitMs);
      this.#pending.set(jobId, {
        lane: lane.name,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    }).finally(() => stop?.());
  }

  /** Reports a job's progress events (stages, streamed text) as they happen; returns the unsubscribe. */
  #watch(jobId: string, lane: AnyLane, onProgress: (progress: LocalProgress) => void): () => void {
    const events = this.#events.get(lane.name);
    if (!events) return () => undefined;
    const onActive = ({ jobId: id }: { jobId: string }) => {
      if (id === jobId) onProgress({ lane, stage: pick(lane.verb, this.locale) });
    };
    const onEvent = ({ jobId: id, data }: { jobId: string; data: unknown }) => {
      if (id !== jobId || typeof data !== 'object' || data === null) return;
      const progress = data as { stage?: unknown; delta?: unknown };
      const stage = localTextSchema.safeParse(progress.stage);
      onProgress({
        lane,
        stage: pick(stage.success ? stage.data : lane.verb, this.locale),
        ...(typeof progress.delta === 'string' ? { delta: progress.delta } : {}),
      });
    };
    events.on('active', onActive);
    events.on('progress', onEvent);
    return () => {
      events.off('active', onActive);
      events.off('progress', onEvent);
    };
  }

  /**
   * Cancels every request still running (Ctrl-C in the terminal): a waiting job is removed and answered "cancelled"
   * here, a running one is asked to stop and answers with what it has. Returns how many were cancelled.
   * @param options.force - also stop waiting for running jobs (the terminal is quitting)
   */
  async cancelAll(options: { force?: boolean } = {}): Promise<number> {
    const pending = [...this.#pending.entries()];
    for (const [jobId, entry] of pending) {
      const outcome = await this.#producer.cancel(entry.lane, jobId).catch(() => 'unknown' as const);
      // `force` (quitting): stop waiting even for a job that was only asked to stop.
      if ((options.force || outcome !== 'signalled') && this.#pending.get(jobId) === entry) {
        this.#pending.delete(jobId);
        entry.reject(new UserError('cancelled', coreMessages.cancelled));
      }
    }
    return pending.length;
  }

  /** Whether a request is waiting for its answer. */
  get busy(): boolean {
    return this.#pending.size > 0;
  }

  async #onReply(reply: ReplyEnvelope): Promise<void> {
    const pending = this.#pending.get(reply.jobId);
    if (!pending) return;
    this.#pending.delete(reply.jobId);
    pending.resolve(reply);
  }

  /** Closes the consumer, removes this session's replies queue, then closes Redis. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#events.values()].map((events) => events.close()));
    for (const redis of this.#eventConnections) redis.disconnect();
    await this.#consumer.close();
    await this.#producer.close();
    const cleanup = createRedis(this.config.redis, 'producer');
    try {
      const queue = new Queue(this.#queueName, { connection: cleanup, prefix: this.config.redis.prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    } finally {
      await cleanup.quit().catch(() => cleanup.disconnect());
      for (const redis of [this.#producerConnection, this.#consumerConnection]) await redis.quit().catch(() => redis.disconnect());
    }
  }
}
