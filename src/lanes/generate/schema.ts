/** Chat (text generation) lane job payload and result. */
import { z } from 'zod';

export const chatMessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

export const generateInputSchema = z.strictObject({
  /** The conversation so far, oldest first, ending with the user's turn. */
  messages: z.array(chatMessageSchema).min(1),
  /** Overrides `generate.maxNewTokens` downwards. */
  maxNewTokens: z.number().int().positive().optional(),
  /** A server's chosen model: the provider's default or one listed in `generate.models`. */
  model: z.string().min(1).max(200).optional(),
  /** Sampling overrides (a server's settings); `generate.temperature` / `topP` otherwise. */
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  /** False when the server has no FAQ to answer from (its FAQ lane is off). */
  ground: z.boolean().optional(),
});

export const generateResultSchema = z.strictObject({
  text: z.string(),
  /** Why generation stopped: the model finished, hit the token limit, was cancelled or timed out. */
  finishReason: z.enum(['stop', 'length', 'cancelled', 'timeout']),
  newTokens: z.number().int().nonnegative(),
  /** FAQ entries given to the model as context; `text` ends with a "Sources:" line naming them. */
  sources: z.array(z.strictObject({ id: z.string(), question: z.string() })).optional(),
  /** Older turns left out to fit the model's context. */
  droppedTurns: z.number().int().nonnegative().optional(),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type GenerateInput = z.infer<typeof generateInputSchema>;
export type GenerateResult = z.infer<typeof generateResultSchema>;
