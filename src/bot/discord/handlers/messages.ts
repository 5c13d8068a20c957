/**
 * Messages: a mention, a DM or a reply to the bot goes to chat (the reply chain is the conversation);
 * voice messages and audio files are transcribed where auto-transcribe is on (and always in DMs or
 * when the bot is mentioned); with auto-translate on, other-language messages get a translation.
 */
import type { Message } from 'discord.js';
import { describeError, isUserError } from '../../../core/errors.ts';
import { detectLanguage } from '../../../lanes/translate/detect.ts';
import type { JobContext } from '../../../queue/envelope.ts';
import { channelChain, isAllowed } from '../access.ts';
import type { DiscordBot } from '../app.ts';
import { audioAttachment, audioSource } from '../audio.ts';
import { chatInput, conversationOf, rememberChat } from '../chat-request.ts';
import { matchesTrigger } from '../chat-settings.ts';
import { conversationFor } from '../conversation.ts';
import type { DiscordTarget } from '../target.ts';

export async function onMessage(bot: DiscordBot, message: Message): Promise<void> {
  if (message.author.bot || message.system) return;
  const botId = bot.botId;
  const dm = !message.inGuild();
  const mentioned = message.mentions.users.has(botId);
  const repliedToBot = message.mentions.repliedUser?.id === botId;
  const audio = audioAttachment(message);
  const chain = dm ? [] : channelChain(message.channel);
  const settings = await bot.settings.resolve(message.guildId ? { guildId: message.guildId, channelIds: chain } : null);
  // The opt-out only concerns automatic work: skip the lookup for the common message that needs none.
  const optedOut = audio || settings.autoTranslate ? await bot.store.optedOut(message.author.id) : false;
  const wantsAudio = audio && (dm || mentioned || (settings.autoTranscribe && !optedOut));
  // Channels set to answer every message, and a server's trigger word, start a chat like a mention.
  const triggered = !dm && (settings.answerAll || matchesTrigger(message.content, settings.triggerWord));
  const wantsChat = !audio && (dm || mentioned || repliedToBot || triggered) && message.content.trim().length > 0;
  const wantsTranslation = !audio && !wantsChat && settings.autoTranslate && !optedOut && message.content.trim().length > 0;
  if (!wantsAudio && !wantsChat && !wantsTranslation) return;
  if (!dm && !isAllowed(bot.config.discord.access, chain, message.member)) return;
  // A gateway replay delivers the same message again: handle each message once.
  if (!(await bot.store.firstSeen('message', message.id))) return;

  const lane = wantsAudio ? 'transcribe' : wantsChat ? 'generate' : 'translate';
  if (!settings.lanes.includes(lane)) return;
  const context: JobContext = {
    origin: 'discord',
    userId: message.author.id,
    channelId: message.channelId,
    ...(message.guildId ? { guildId: message.guildId } : {}),
  };
  let placeholderId: string | undefined;
  try {
    if (wantsTranslation && detectLanguage(message.content) === settings.autoTranslate) return;
    const source = wantsAudio && audio ? audioSource(audio, bot.config) : undefined;
    await bot.admit(context);
    placeholderId = await bot.deliverer.placeholder(message.channelId, message.id, '⏳ queued…');
    const target: DiscordTarget = {
      kind: 'message',
      channelId: message.channelId,
      messageId: message.id,
      userId: message.author.id,
      placeholderId,
    };
    const common = { sourceId: message.id, target, context };
    if (source) {
      await bot.submit({ lane: 'transcribe', input: { audio: source, ...(await bot.languages.hintFor(message.author.id)) }, ...common });
    } else if (wantsChat) {
      const memory = { config: bot.config, memory: bot.store.chat, producer: bot.producer };
      const conversation = conversationOf({
        guildId: message.guildId,
        channelId: message.channelId,
        isThread: message.channel.isThread(),
        userId: message.author.id,
      });
      const turns = await conversationFor(message, botId);
      const jobId = await bot.submit({ lane: 'generate', input: await chatInput(memory, settings, conversation, turns), ...common });
      await rememberChat(memory, conversation, { userId: message.author.id, content: turns.at(-1)?.content ?? '', jobId });
    } else {
      await bot.submit({ lane: 'translate', input: { text: message.content, to: settings.autoTranslate as string }, ...common });
    }
  } catch (error) {
    // Automatic work nobody asked for (auto-translate, auto-transcribe) is skipped quietly when over the limit.
    const automatic = wantsTranslation || (wantsAudio && !dm && !mentioned);
    if (automatic && isUserError(error) && error.code === 'rate_limited') return;
    const described = describeError(error);
    if (described.reference) bot.logger.error({ err: error, reference: described.reference }, 'message request failed');
    const text = `⚠️ ${described.userMessage}`;
    if (placeholderId)
      await bot.deliverer.progress(
        { kind: 'message', channelId: message.channelId, messageId: message.id, userId: message.author.id, placeholderId },
        text,
        [],
      );
    else await bot.deliverer.replyTo(message.channelId, message.id, text);
  }
}
