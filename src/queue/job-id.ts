/**
 * Deterministic job ids: `${lane}-${sourceId}`. The same Discord event (a gateway replay) maps to the
 * same id, so BullMQ keeps one job. BullMQ rejects ids that are digits only or contain `:`; the lane
 * prefix rules out the first and the sanitising the second.
 */
import type { LaneName } from '../lanes/names.ts';

export function laneJobId(lane: LaneName, sourceId: string): string {
  return `${lane}-${sourceId.replace(/[^\w.-]/gu, '_')}`;
}

export function replyJobId(laneJob: string): string {
  return `reply-${laneJob}`;
}
