/** Lane workers' finished jobs as Prometheus metrics: one count per outcome, queue wait and model time per job. */
import type { JobOutcome, OpsMetrics } from '../ops/index.ts';
import type { FinishedJob } from './lane-worker.ts';

const OUTCOMES: Readonly<Record<FinishedJob['outcome'], JobOutcome>> = {
  ok: 'completed',
  refused: 'refused',
  failed: 'failed',
  stalled: 'stalled',
  cancelled: 'cancelled',
  timeout: 'timeout',
};

/** The `onFinished` callback of a `WorkerHost` that records each job in `metrics`. */
export function jobMetrics(metrics: OpsMetrics): (event: FinishedJob) => void {
  return (event) =>
    metrics.jobFinished(
      event.lane,
      OUTCOMES[event.outcome],
      event.outcome === 'stalled' ? {} : { queue_wait: event.waitMs, model: event.runMs },
    );
}
