/**
 * The lanes. This list is the only place a lane is named outside its own folder (and its block in
 * `config/default.yaml`): the config schema, the queues and workers, the model command, the Discord commands,
 * buttons and message routes, the replies and the local chat all iterate over it. To add a lane, add its folder
 * and its line here. The order is the default priority order and the order of `/help`.
 */
import { bookingLane } from './booking/index.ts';
import { faqLane } from './faq/index.ts';
import { generateLane } from './generate/index.ts';
import type { AnyLane, LaneRole } from './lane.ts';
import { speakLane } from './speak/index.ts';
import { transcribeLane } from './transcribe/index.ts';
import { translateLane } from './translate/index.ts';

export const LANES = [faqLane, translateLane, transcribeLane, generateLane, speakLane, bookingLane] as const;

export type LaneName = (typeof LANES)[number]['name'];

const ALL: readonly AnyLane[] = LANES;

export const LANE_NAMES: readonly LaneName[] = LANES.map((lane) => lane.name);

export function isLaneName(value: string): value is LaneName {
  return ALL.some((lane) => lane.name === value);
}

/** The lane called `name`, or undefined. */
export function laneNamed(name: string): AnyLane | undefined {
  return ALL.find((lane) => lane.name === name);
}

/** The lane that plays `role` (the first one listed), or undefined when none does. */
export function laneWithRole(role: LaneRole): AnyLane | undefined {
  return ALL.find((lane) => lane.role === role);
}

/** Every lane, types erased (for code that handles any lane). */
export function allLanes(): readonly AnyLane[] {
  return ALL;
}
