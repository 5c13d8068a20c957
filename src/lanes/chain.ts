/**
 * One way to chain steps: a job carries the steps that may follow it (`then`), the worker that finishes it
 * decides which runs next from the lane's `chain.output` and enqueues it with a deterministic id
 * (`<lane>-<sourceId>`), so a redelivered job or reply never queues a step twice. The front end resolves
 * settings (through the full thread → channel → category → server chain) before the first job, and writes the
 * outcome of that resolution into the steps; workers never look settings up.
 */
import { z } from 'zod';

/** What a finished step hands to the next one. */
export const chainOutputSchema = z.strictObject({
  text: z.string(),
  /** The language of `text`, when the lane knows it. */
  language: z.string().optional(),
  /** The step answered the member (an FAQ entry, a chat answer); false when it could not. */
  answered: z.boolean().optional(),
  /** `text` asks something (a spoken question). */
  question: z.boolean().optional(),
});
export type ChainOutput = z.infer<typeof chainOutputSchema>;

/** When a step runs, judged on the previous step's output; a step whose condition fails is skipped. */
export const STEP_CONDITIONS = ['always', 'question', 'unanswered', 'answered'] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

export const followUpSchema = z.strictObject({
  lane: z.string().regex(/^[a-z]+$/u),
  when: z.enum(STEP_CONDITIONS).optional(),
  /** Options for the next lane's `chain.input` (a translation's target, a chat's prepared conversation). */
  options: z.record(z.string(), z.unknown()).optional(),
  /** Don't post this step's result when another step follows it (the member sees the final answer only). */
  quiet: z.boolean().optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export function conditionHolds(when: StepCondition | undefined, output: ChainOutput): boolean {
  switch (when ?? 'always') {
    case 'always':
      return true;
    case 'question':
      return output.question === true;
    case 'unanswered':
      return output.answered === false;
    case 'answered':
      return output.answered === true;
  }
}

/** The step that runs next and the ones after it, or nothing when no condition holds. */
export function nextStep(steps: readonly FollowUp[], output: ChainOutput): { step: FollowUp; rest: FollowUp[] } | undefined {
  const at = steps.findIndex((step) => conditionHolds(step.when, output));
  if (at < 0) return undefined;
  return { step: steps[at] as FollowUp, rest: steps.slice(at + 1) };
}

/** How a lane takes part in chains. */
export interface LaneChain<In, Out> {
  /** What the result hands on, or null when it has nothing to hand on (stopped, empty). */
  output(result: Out): ChainOutput | null;
  /** This lane's input when it follows another step; absent when the lane cannot follow one. */
  input?(from: ChainOutput, options: Readonly<Record<string, unknown>>): In;
}
