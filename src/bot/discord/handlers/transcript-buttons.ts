/**
 * The buttons under a transcript (`tx:<action>:<transcribe job id>`): re-run it as Japanese or
 * English, translate it, or ask the FAQ. Each press is its own job (source id = the interaction), fed
 * from the finished transcription kept in BullMQ, so the audio is never transcribed again for a
 * translation or an answer, and a failing later step retries on its own.
 */
import type { ButtonInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import type { LaneInput, LaneName } from '../../../lanes/registry.ts';
import { transcribeInputSchema, transcribeResultSchema } from '../../../lanes/transcribe/schema.ts';
import { jobEnvelopeSchema } from '../../../queue/envelope.ts';
import type { DiscordBot } from '../app.ts';
import { runLane } from '../interaction-lane.ts';
import { TRANSCRIPT_BUTTON } from '../transcript.ts';

const ACTIONS = ['ja', 'en', 'tr', 'faq'] as const;
type Action = (typeof ACTIONS)[number];

export function isTranscriptButton(customId: string): boolean {
  return customId.startsWith(`${TRANSCRIPT_BUTTON}:`);
}

export async function onTranscriptButton(bot: DiscordBot, interaction: ButtonInteraction): Promise<void> {
  const [, action, jobId] = interaction.customId.split(':');
  if (!jobId || !ACTIONS.includes(action as Action)) throw new UserError('bad_request', 'I do not know that button.');
  const job = await bot.producer.queue('transcribe').getJob(jobId);
  const envelope = jobEnvelopeSchema.safeParse(job?.data);
  const result = transcribeResultSchema.safeParse(job?.returnvalue);
  if (!envelope.success || !result.success)
    throw new UserError('bad_request', 'That transcript is too old for its buttons now. Please send the audio again.');
  const transcript = result.data;
  const request = requestFor(action as Action, transcript.text, transcript.language, envelope.data.input);

  await runLane(bot, interaction, request.lane, request.input as never, interaction.message.id);
}

/** The next job a button asks for, built from the stored transcription (never from the message text). */
export function requestFor(
  action: Action,
  text: string,
  language: string | null,
  originalInput: unknown,
): { lane: LaneName; input: LaneInput<LaneName> } {
  if (action === 'tr') return { lane: 'translate', input: { text, to: language === 'en' ? 'ja' : 'en' } };
  if (action === 'faq') return { lane: 'faq', input: { question: text } };
  const original = transcribeInputSchema.parse(originalInput);
  return { lane: 'transcribe', input: { audio: original.audio, language: action, ...(original.task ? { task: original.task } : {}) } };
}
