/**
 * `/chat prompt: [reset:]`: in a DM or thread the stored conversation continues (or is forgotten first with
 * `reset`); elsewhere each `/chat` stands alone, since there is no reply chain to follow.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import type { GenerateInput } from '../../../lanes/generate/schema.ts';
import { laneJobId } from '../../../queue/job-id.ts';
import type { DiscordBot } from '../app.ts';
import { chatInput, conversationOf, rememberChat } from '../chat-request.ts';
import type { Conversation } from '../memory.ts';
import type { AllSettings } from '../settings.ts';

export interface PreparedChat {
  readonly input: GenerateInput;
  readonly conversation: Conversation | null;
  readonly prompt: string;
}

/** The lane input for a `/chat`, or null when it only reset the conversation (and was answered here). */
export async function prepareChat(
  bot: DiscordBot,
  interaction: ChatInputCommandInteraction,
  settings: AllSettings,
): Promise<PreparedChat | null> {
  const prompt = interaction.options.getString('prompt')?.trim() ?? '';
  const reset = interaction.options.getBoolean('reset') ?? false;
  const channel = interaction.channel;
  const conversation = conversationOf({
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    isThread: channel?.isThread() ?? false,
    userId: interaction.user.id,
  });
  if (reset) {
    if (conversation) await bot.store.chat.reset(conversation);
    if (!prompt) {
      const content = conversation
        ? '🧹 Done: I forgot our conversation here.'
        : 'Here I keep no conversation: each message or reply chain stands alone. Send a new message (not a reply) to start over.';
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return null;
    }
  }
  if (!prompt) throw new UserError('bad_request', 'Write something in `prompt:` (or use `reset:` to forget our conversation).');
  const deps = { config: bot.config, memory: bot.store.chat, producer: bot.producer };
  return { input: await chatInput(deps, settings, conversation, [{ role: 'user', content: prompt }]), conversation, prompt };
}

/** Records the exchange after the job was queued (its id is derived from the interaction). */
export async function rememberChatCommand(
  bot: DiscordBot,
  interaction: ChatInputCommandInteraction,
  prepared: PreparedChat,
): Promise<void> {
  const deps = { config: bot.config, memory: bot.store.chat, producer: bot.producer };
  await rememberChat(deps, prepared.conversation, {
    userId: interaction.user.id,
    content: prepared.prompt,
    jobId: laneJobId('generate', interaction.id),
  });
}
