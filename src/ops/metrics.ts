/**
 * Every Prometheus metric kotodama exports, in one registry per process, with typed helpers for the places
 * that observe them (lane worker, reply delivery, model runtime, Discord client). Names follow Prometheus
 * conventions: `kotodama_` prefix, seconds, `_total` on counters. Label values are bounded (lanes, outcomes,
 * stages, HTTP statuses), never ids or text.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Readiness } from './readiness.ts';
import { registerScrapeGauges, type QueueDepth, type ScrapeSources } from './scrape-gauges.ts';

export type { QueueDepth } from './scrape-gauges.ts';

/** How a job ended, from the member's point of view. */
export type JobOutcome = 'completed' | 'refused' | 'failed' | 'cancelled' | 'timeout' | 'stalled' | 'handed_back';

/** The stages of one request: waiting in the queue, running the model, delivering the answer, all of it. */
export type JobStage = 'queue_wait' | 'model' | 'delivery' | 'end_to_end';

export interface OpsMetricsOptions {
  /** `bot` or `worker`: a label on every series, so one dashboard can tell the processes apart. */
  readonly role: string;
  /** Node's process metrics (CPU, memory, GC, event-loop lag). @defaultValue true */
  readonly processMetrics?: boolean;
  /** Longest a scrape waits for the queue counts before reporting none. @defaultValue 2000 */
  readonly collectTimeoutMs?: number;
}

/** Seconds, from a few milliseconds (FAQ) to ten minutes (long transcriptions). */
const STAGE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export class OpsMetrics {
  readonly registry = new Registry();
  readonly #jobs: Counter<'lane' | 'outcome'>;
  readonly #stages: Histogram<'lane' | 'stage'>;
  readonly #modelLoaded: Gauge<'lane' | 'model'>;
  readonly #modelLoadSeconds: Gauge<'lane' | 'model'>;
  readonly #discordResponses: Counter<'status'>;
  readonly #discordRateLimits: Counter<'scope'>;
  readonly #collectErrors: Counter<'source'>;
  readonly #sources: ScrapeSources = {};

  constructor(options: OpsMetricsOptions) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ role: options.role });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'kotodama_' });
    this.#jobs = new Counter({
      name: 'kotodama_jobs_total',
      help: 'Finished jobs by lane and outcome.',
      labelNames: ['lane', 'outcome'],
      registers,
    });
    this.#stages = new Histogram({
      name: 'kotodama_job_stage_seconds',
      help: 'Time per stage of a job: queue_wait, model, delivery, end_to_end.',
      labelNames: ['lane', 'stage'],
      buckets: STAGE_BUCKETS,
      registers,
    });
    this.#modelLoaded = new Gauge({
      name: 'kotodama_model_loaded',
      help: '1 while a lane model is loaded in this process.',
      labelNames: ['lane', 'model'],
      registers,
    });
    this.#modelLoadSeconds = new Gauge({
      name: 'kotodama_model_load_seconds',
      help: 'How long the last load of a model took.',
      labelNames: ['lane', 'model'],
      registers,
    });
    this.#discordResponses = new Counter({
      name: 'kotodama_discord_rest_responses_total',
      help: 'Discord REST responses by HTTP status.',
      labelNames: ['status'],
      registers,
    });
    this.#discordRateLimits = new Counter({
      name: 'kotodama_discord_rate_limited_total',
      help: 'Discord rate limits hit, global or per route.',
      labelNames: ['scope'],
      registers,
    });
    this.#collectErrors = new Counter({
      name: 'kotodama_metrics_collect_errors_total',
      help: 'Scrape-time reads that failed (the series is left out).',
      labelNames: ['source'],
      registers,
    });
    registerScrapeGauges(this.registry, this.#sources, {
      timeoutMs: options.collectTimeoutMs ?? 2_000,
      onError: (source) => this.#collectErrors.inc({ source }),
    });
  }

  /** A job ended; `stagesMs` holds whichever stage durations the caller measured, in milliseconds. */
  jobFinished(lane: string, outcome: JobOutcome, stagesMs: Partial<Record<JobStage, number>> = {}): void {
    this.#jobs.inc({ lane, outcome });
    for (const [stage, ms] of Object.entries(stagesMs)) if (ms !== undefined) this.observeStage(lane, stage as JobStage, ms);
  }

  /** One stage's duration in milliseconds (negative clock skew between processes counts as 0). */
  observeStage(lane: string, stage: JobStage, ms: number): void {
    this.#stages.observe({ lane, stage }, Math.max(0, ms) / 1000);
  }

  /** A model finished loading in `ms`. */
  modelLoaded(lane: string, model: string, ms: number): void {
    this.#modelLoaded.set({ lane, model }, 1);
    this.#modelLoadSeconds.set({ lane, model }, ms / 1000);
  }

  /** A model was disposed (or its load failed). */
  modelUnloaded(lane: string, model: string): void {
    this.#modelLoaded.set({ lane, model }, 0);
  }

  /** A Discord REST response (discord.js `RESTEvents.Response`). */
  discordResponse(status: number): void {
    this.#discordResponses.inc({ status: String(status) });
  }

  /** A Discord rate limit (discord.js `RESTEvents.RateLimited`). */
  discordRateLimited(global: boolean): void {
    this.#discordRateLimits.inc({ scope: global ? 'global' : 'route' });
  }

  /** Where queue depths come from on each scrape (see `bullmqQueueDepth`). */
  watchQueueDepth(source: () => Promise<readonly QueueDepth[]>): void {
    this.#sources.depth = source;
  }

  /**
   * Where the gateway heartbeat round trips come from, in ms: one number (shard 0) or one per shard id
   * (discord.js: `client.ws.ping`, or the shards' `ping`). A negative value (no heartbeat yet) is left out.
   */
  watchGatewayPing(read: () => number | ReadonlyMap<number, number>): void {
    this.#sources.ping = read;
  }

  /** Readiness on each scrape as `kotodama_ready{check}` (1/0), so that alerts need no extra probe. */
  watchReadiness(run: () => Promise<Readiness>): void {
    this.#sources.readiness = run;
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
