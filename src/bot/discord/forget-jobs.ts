/**
 * Kept jobs hold what members asked (a DM's text, a voice message's link). `/forget-me` removes the member's jobs
 * from every lane queue and the replies queue: finished and failed ones are kept for a while (`queue.keep*`) to
 * recognise redelivered events, so without this their content would outlive the request to forget it.
 */
import { allLanes } from '../../lanes/index.ts';
import { REPLIES_QUEUE } from '../../queue/replies.ts';
import type { BotServices } from './services.ts';

const STATES = ['completed', 'failed', 'delayed', 'wait', 'prioritized'] as const;

export async function forgetJobsOf(services: Pick<BotServices, 'producer'>, userId: string): Promise<number> {
  let removed = 0;
  for (const name of [...allLanes().map((lane) => lane.queue), REPLIES_QUEUE]) {
    const queue = services.producer.queue(name);
    const jobs = await queue.getJobs([...STATES], 0, -1);
    for (const job of jobs) {
      const owner = (job.data as { context?: { userId?: unknown } } | undefined)?.context?.userId;
      if (owner !== userId) continue;
      await job.remove().then(
        () => (removed += 1),
        () => undefined,
      );
    }
  }
  return removed;
}
