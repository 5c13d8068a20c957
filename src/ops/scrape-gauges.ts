/**
 * Gauges whose values are read when Prometheus scrapes, from sources the process registers later (queue
 * depths from Redis, the Discord gateway ping, readiness). A source that is not registered yet, or fails,
 * leaves its series out rather than reporting a stale or invented value.
 */
import { Gauge, type Registry } from 'prom-client';
import type { Readiness } from './readiness.ts';

/** Jobs in one queue by state, as read on each scrape. */
export interface QueueDepth {
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
}

/** Filled in by `OpsMetrics.watch*`; read on every scrape. */
export interface ScrapeSources {
  depth?: () => Promise<readonly QueueDepth[]>;
  ping?: () => number | ReadonlyMap<number, number>;
  readiness?: () => Promise<Readiness>;
}

export interface ScrapeOptions {
  /** Longest a scrape waits for the queue counts. */
  readonly timeoutMs: number;
  /** Counts a failed read (it shows from the next scrape: this one has already written its counters). */
  readonly onError: (source: 'queue_depth') => void;
}

export function registerScrapeGauges(registry: Registry, sources: ScrapeSources, options: ScrapeOptions): void {
  const registers = [registry];
  new Gauge({
    name: 'kotodama_queue_jobs',
    help: 'Jobs per queue and state (waiting includes prioritized), read from Redis on each scrape.',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      this.reset();
      if (!sources.depth) return;
      try {
        for (const depth of await withTimeout(sources.depth(), options.timeoutMs)) {
          for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) this.set({ queue: depth.queue, state }, depth[state]);
        }
      } catch {
        options.onError('queue_depth');
      }
    },
  });
  new Gauge({
    name: 'kotodama_ready',
    help: 'Readiness checks of this process (1 = ok), as /readyz reports them; check="all" is the verdict.',
    labelNames: ['check'],
    registers,
    async collect() {
      this.reset();
      if (!sources.readiness) return;
      const readiness = await sources.readiness();
      for (const [check, result] of Object.entries(readiness.checks)) this.set({ check }, result.ok ? 1 : 0);
      this.set({ check: 'all' }, readiness.ready ? 1 : 0);
    },
  });
  new Gauge({
    name: 'kotodama_discord_gateway_ping_seconds',
    help: 'Round trip of the last Discord gateway heartbeat, per shard.',
    labelNames: ['shard'],
    registers,
    collect() {
      this.reset();
      const pings = sources.ping?.();
      if (pings === undefined) return;
      for (const [shard, ms] of typeof pings === 'number' ? [[0, pings] as const] : pings) {
        if (ms >= 0) this.set({ shard: String(shard) }, ms / 1000);
      }
    },
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
