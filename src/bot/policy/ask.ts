/**
 * How a question asked the natural way is answered — a mention, a DM, a reply to the bot, a trigger word, a
 * transcribed voice question all take this one decision, per the server's `answerMode`:
 *
 *   1. `faq-then-chat` (default): the knowledge lane first, against the server's own entries and threshold; a
 *      confident match is the answer (no language model involved). Otherwise chat answers, grounded in the same
 *      entries; the FAQ's "I don't know" stays quiet.
 *   2. Chat off or `faq-only`: the FAQ's answer, or its "I don't know" with the closest entries as buttons.
 *   3. `chat-only`: chat alone.
 *
 * Small talk ("thanks") is never a miss: chat answers it, or, where chat is off, the FAQ lane acknowledges it.
 * A spoken question (a transcribed voice message) is also read back where the speech lane says so (`speaksBack`):
 * each answering step is followed by a reading of its answer, shown as text by the reading when the step is quiet.
 * Lanes are found by role, so this file names none.
 */
import type { Config } from '../../config/index.ts';
import type { FollowUp } from '../../lanes/chain.ts';
import type { StepRequest } from '../../lanes/discord.ts';
import { laneWithRole } from '../../lanes/index.ts';
import type { AnyLane } from '../../lanes/lane.ts';
import type { ResolvedSettings } from '../../lanes/server-settings.ts';
import { answerModeSetting } from './core-settings.ts';

function usable(lane: AnyLane | undefined, settings: ResolvedSettings, config: Config): lane is AnyLane {
  return lane !== undefined && settings.laneEnabled(lane.name) && config.lanes[lane.name as keyof Config['lanes']].enabled;
}

/** The steps that answer `request`'s question, first one first. Empty when nothing here can answer. */
export function answerSteps(settings: ResolvedSettings, request: StepRequest, config: Config, spoken = false): FollowUp[] {
  const steps = textSteps(settings, request, config);
  const speech = laneWithRole('speech');
  if (!spoken || !usable(speech, settings, config) || !speech.discord?.speaksBack?.(settings)) return steps;
  // After each answering step, its answer read aloud; a quiet step's answer is shown by the reading instead.
  return steps.flatMap((step) => [step, { lane: speech.name, when: 'answered' as const, options: { show: step.quiet ? 'text' : 'none' } }]);
}

function textSteps(settings: ResolvedSettings, request: StepRequest, config: Config): FollowUp[] {
  const knowledge = laneWithRole('knowledge');
  const conversation = laneWithRole('conversation');
  const mode = settings.get(answerModeSetting);
  const chat: FollowUp | undefined = usable(conversation, settings, config)
    ? { lane: conversation.name, options: conversation.discord?.stepOptions?.(settings, request) ?? {} }
    : undefined;
  const faq = usable(knowledge, settings, config) ? knowledge.name : undefined;
  if (mode === 'chat-only' && chat) return [chat];
  if (!faq) return chat && mode !== 'faq-only' ? [chat] : [];
  // Asked the natural way, the FAQ answers only with an entry that covers the question ("via").
  if (mode === 'faq-only' || !chat) return [{ lane: faq, options: { via: 'question' } }];
  return [
    { lane: faq, quiet: true, options: { via: 'before-chat' } },
    { ...chat, when: 'unanswered' },
  ];
}
