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
});

export const generateResultSchema = z.strictObject({
  text: z.string(),
  /** Why generation stopped: the model finished, hit the token limit, was cancelled or timed out. */
  finishReason: z.enum(['stop', 'length', 'cancelled', 'timeout']),
  newTokens: z.number().int().nonnegative(),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type GenerateInput = z.infer<typeof generateInputSchema>;
export type GenerateResult = z.infer<typeof generateResultSchema>;
