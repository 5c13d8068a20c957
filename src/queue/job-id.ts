/**
 * Deterministic job ids: `${lane}-${sourceId}`. The same Discord event (a gateway replay) maps to the same id, so
 * BullMQ keeps one job; a chain's steps share the source id, so a redelivered step never queues its next step
 * twice. BullMQ rejects ids that are digits only or contain `:`; the lane prefix rules out the first and the
 * sanitising the second.
 */
export function laneJobId(lane: string, sourceId: string): string {
  return `${lane}-${sourceId.replace(/[^\w.-]/gu, '_')}`;
}

export function replyJobId(laneJob: string): string {
  return `reply-${laneJob}`;
}
