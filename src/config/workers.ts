/**
 * `workers.layout`: how `npm start` splits the enabled lanes into worker processes. An ONNX run blocks its process
 * for seconds, so a lane sharing a process with a slow one waits behind it (measured: an FAQ question waited p50
 * 0.95 s next to a transcription and a chat reply in one process, 0.12 s in separate ones; bench/RESULTS.md).
 */
import { z } from 'zod';
import { LANE_NAMES } from '../lanes/index.ts';

/**
 * Lane groups, one worker process each, e.g. `[[faq], [transcribe, translate], [generate]]`. Empty: one process per
 * enabled lane; `single`: every lane in one process (least memory; the tests' profile). Disabled lanes are dropped;
 * an enabled lane named in no group gets its own process.
 * @defaultValue `[[faq, booking]]` (config/default.yaml): the two millisecond lanes share a process.
 */
export const workersConfigSchema = z.strictObject({
  layout: z.union([
    z.literal('single'),
    z.array(z.array(z.enum(LANE_NAMES as [string, ...string[]])).min(1, 'a group needs at least one lane')),
  ]),
});

export type WorkersConfig = z.infer<typeof workersConfigSchema>;

/** Problems with a layout that passes the schema: a lane in two groups would be served twice. */
export function layoutProblems(workers: WorkersConfig): string[] {
  if (workers.layout === 'single') return [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const lane of workers.layout.flat()) (seen.has(lane) ? twice : seen).add(lane);
  return [...twice].map((lane) => `workers.layout: lane ${lane} is in more than one group`);
}

/** The worker processes to start: each a non-empty list of enabled lanes, every enabled lane in exactly one. */
export function workerGroups(workers: WorkersConfig, enabled: readonly string[]): string[][] {
  if (workers.layout === 'single') return enabled.length ? [[...enabled]] : [];
  const groups = workers.layout
    .map((group) => [...new Set(group)].filter((lane) => enabled.includes(lane)))
    .filter((group) => group.length);
  const placed = new Set(groups.flat());
  for (const lane of enabled) if (!placed.has(lane)) groups.push([lane]);
  return groups;
}
