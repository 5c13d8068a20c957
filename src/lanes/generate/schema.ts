/** Chat (text generation) lane job payload and result. */
import { z } from 'zod';

export const chatMessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(100_000),
});

/** A stored conversation: a member's DMs, or a thread. Elsewhere the reply chain is the conversation. */
export const conversationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dm'), userId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('thread'), threadId: z.string().min(1) }),
]);

export const generateInputSchema = z.strictObject({
  /** The turns of this request (the reply chain ending with the member's new message), oldest first. */
  messages: z.array(chatMessageSchema).min(1).max(200),
  /** The stored conversation this continues: its history comes first, and the exchange is recorded in it. */
  conversation: conversationSchema.optional(),
  /** Who wrote the new message (recorded with the exchange, so /forget-me finds it). */
  userId: z.string().optional(),
  /** The server's extra instructions, added to `generate.systemPrompt`. */
  persona: z.string().max(2000).optional(),
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
  /** Conversation turns the model saw (stored history and this request, after fitting; system turns not counted). */
  contextTurns: z.number().int().nonnegative().optional(),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type GenerateInput = z.infer<typeof generateInputSchema>;
export type GenerateResult = z.infer<typeof generateResultSchema>;
