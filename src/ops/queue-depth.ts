/** Queue depths for `/metrics`, read from BullMQ's counts (one round trip per queue) on each scrape. */
import type { Queue } from 'bullmq';
import type { QueueDepth } from './metrics.ts';

/**
 * A depth source over BullMQ queues, named by their label (a lane name, `replies`, …). Waiting counts the
 * prioritized set too: lanes use priorities, so their jobs wait in `prioritized`, not `wait`.
 */
export function bullmqQueueDepth(queues: ReadonlyMap<string, Queue> | Iterable<readonly [string, Queue]>): () => Promise<QueueDepth[]> {
  const entries = [...queues];
  return () =>
    Promise.all(
      entries.map(async ([name, queue]): Promise<QueueDepth> => {
        const counts = await queue.getJobCounts('wait', 'prioritized', 'active', 'delayed', 'failed');
        const count = (state: string) => counts[state] ?? 0;
        return {
          queue: name,
          waiting: count('wait') + count('prioritized'),
          active: count('active'),
          delayed: count('delayed'),
          failed: count('failed'),
        };
      }),
    );
}
