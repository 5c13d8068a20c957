/**
 * Turns a chat trigger (mention, DM, reply, trigger word, `/chat`) into the chat lane's input: the stored
 * history of a DM or thread plus the reply chain, the server's persona and chat settings. Shared by the
 * message and interaction handlers so both behave the same.
 */
import type { Config } from '../../config/index.ts';
import { LANES } from '../../lanes/registry.ts';
import { generateResultSchema, type ChatMessage, type GenerateInput } from '../../lanes/generate/schema.ts';
import type { LaneProducer } from '../../queue/producer.ts';
import type { ChatSettings } from './chat-settings.ts';
import type { AnswerLookup, ChatMemory, Conversation } from './memory.ts';
import type { Settings } from './settings.ts';

/** A DM is remembered per member, a thread per thread; other channels follow the reply chain only. */
export function conversationOf(place: {
  guildId: string | null;
  channelId: string;
  isThread: boolean;
  userId: string;
}): Conversation | null {
  if (!place.guildId) return { kind: 'dm', userId: place.userId };
  if (place.isThread) return { kind: 'thread', threadId: place.channelId };
  return null;
}

/** The answer text of a finished chat job, from the job kept in the queue. */
export function answerLookup(producer: LaneProducer): AnswerLookup {
  return async (jobId) => {
    const job = await producer
      .queue('generate')
      .getJob(jobId)
      .catch(() => undefined);
    const parsed = generateResultSchema.safeParse(job?.returnvalue);
    return parsed.success && job?.finishedOn ? parsed.data.text : undefined;
  };
}

export interface ChatRequestDeps {
  readonly config: Config;
  readonly memory: ChatMemory;
  readonly producer: LaneProducer;
}

/**
 * The lane input for `turns` (the reply chain ending with the new message). Stored history comes first; chain
 * turns it already holds are not repeated, so a reply inside a DM does not duplicate the conversation.
 */
export async function chatInput(
  deps: ChatRequestDeps,
  settings: Settings & ChatSettings,
  conversation: Conversation | null,
  turns: readonly ChatMessage[],
): Promise<GenerateInput> {
  const { config } = deps;
  // Characters are a generous bound (Japanese runs ~1 token a character); the worker cuts to exact tokens.
  const history = conversation
    ? await deps.memory.history(conversation, answerLookup(deps.producer), config.generate.contextTokens * 4)
    : [];
  const known = new Set(history.map((turn) => `${turn.role}\n${turn.content}`));
  const messages = [...history, ...turns.filter((turn) => !known.has(`${turn.role}\n${turn.content}`))];
  const persona: ChatMessage[] = settings.persona
    ? [{ role: 'system', content: `${config.generate.systemPrompt}\n${settings.persona}` }]
    : [];
  const input: GenerateInput = {
    messages: [...persona, ...messages],
    ...(settings.chatModel ? { model: settings.chatModel } : {}),
    ...(settings.maxNewTokens !== null ? { maxNewTokens: settings.maxNewTokens } : {}),
    ...(settings.temperature !== null ? { temperature: settings.temperature } : {}),
    ...(settings.topP !== null ? { topP: settings.topP } : {}),
    ...(settings.lanes.includes('faq') ? {} : { ground: false }),
  };
  return LANES.generate.input.parse(input);
}

/** Records the exchange once its answer job is queued. */
export async function rememberChat(
  deps: ChatRequestDeps,
  conversation: Conversation | null,
  exchange: { userId: string; content: string; jobId: string },
): Promise<void> {
  if (!conversation || !exchange.content) return;
  const { ttlSec, maxTurns } = deps.config.generate.memory;
  await deps.memory.remember(conversation, exchange, ttlSec, maxTurns);
}
