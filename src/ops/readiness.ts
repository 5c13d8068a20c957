/**
 * Readiness: whether this process should be sent work. Each check answers for one dependency (Redis, the
 * lane models, the watchdog); `/readyz` is ready only when all are, and lists the reasons when not.
 */
import type { Redis } from 'ioredis';

/** `note`: ready, but an operator should know (e.g. a lane answering a simpler way while its model loads). */
export type CheckResult = { readonly ok: true; readonly note?: string } | { readonly ok: false; readonly reason: string };

export interface ReadinessCheck {
  /** Short key in the `/readyz` body, e.g. `redis`, `models`, `watchdog`. */
  readonly name: string;
  readonly check: () => CheckResult | Promise<CheckResult>;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

export const ready = (note?: string): CheckResult => (note ? { ok: true, note } : { ok: true });
export const notReady = (reason: string): CheckResult => ({ ok: false, reason });

/** Runs every check at once; one that throws or takes longer than `timeoutMs` counts as not ready. */
export async function runChecks(checks: readonly ReadinessCheck[], timeoutMs = 2_000): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async ({ name, check }): Promise<[string, CheckResult]> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<CheckResult>((resolve) => {
        timer = setTimeout(() => resolve(notReady(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return [name, await Promise.race([Promise.resolve().then(check), late])];
      } catch (error) {
        return [name, notReady(error instanceof Error ? error.message : String(error))];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: results.every(([, result]) => result.ok), checks: Object.fromEntries(results) };
}

/**
 * Redis answers PING on `redis`. A connection that is not `ready` fails at once: a worker connection
 * (`maxRetriesPerRequest: null`) would otherwise queue the PING until Redis returns.
 */
export function redisCheck(redis: Redis): ReadinessCheck {
  return {
    name: 'redis',
    check: async () => {
      if (redis.status !== 'ready') return notReady(`Redis connection is ${redis.status}`);
      const answer = await redis.ping();
      return answer === 'PONG' ? ready() : notReady(`Redis answered ${answer}`);
    },
  };
}
