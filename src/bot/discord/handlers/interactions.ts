/**
 * Slash commands, context-menu entries, autocomplete and buttons. Lane requests are acknowledged at
 * once (deferReply) and answered by editing that reply when the worker is done; refusals and help
 * are ephemeral (only the asker sees them).
 */
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type RepliableInteraction,
} from 'discord.js';
import { describeError, UserError } from '../../../core/errors.ts';
import { isLaneName } from '../../../lanes/registry.ts';
import { findLanguage, LANGUAGES } from '../../../lanes/translate/languages.ts';
import { formatHelp } from '../../reply/format.ts';
import type { DiscordBot } from '../app.ts';
import { runLane, settingsFor } from '../interaction-lane.ts';
import { audioAttachment, audioSource } from '../audio.ts';
import { CONTEXT_TRANSCRIBE, CONTEXT_TRANSLATE_EN, CONTEXT_TRANSLATE_JA, CONTEXT_TRANSLATE_MINE } from '../commands.ts';
import { NO_MENTIONS } from '../deliver.ts';
import { prepareChat, rememberChatCommand } from './chat-command.ts';
import { handleSettings } from './settings-command.ts';
import { isTranscriptButton, onTranscriptButton } from './transcript-buttons.ts';
import { FAQ_BUTTON_PREFIX, onFaqButton } from './faq-buttons.ts';
import { handleFaq } from './faq-command.ts';

const EPHEMERAL = { flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;

export async function onInteraction(bot: DiscordBot, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) return autocompleteLanguage(interaction);
  if (!(await bot.store.firstSeen('interaction', interaction.id))) return;
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.isButton()) return await onButton(bot, interaction);
    if (interaction.isChatInputCommand()) return await onCommand(bot, interaction);
    if (interaction.isMessageContextMenuCommand()) return await onContextMenu(bot, interaction);
  } catch (error) {
    await refuse(bot, interaction, error);
  }
}

async function onCommand(bot: DiscordBot, interaction: ChatInputCommandInteraction): Promise<void> {
  const options = interaction.options;
  switch (interaction.commandName) {
    case 'ask':
      return runLane(bot, interaction, 'faq', { question: options.getString('question', true) });
    case 'chat': {
      const prepared = await prepareChat(bot, interaction, await settingsFor(bot, interaction));
      if (!prepared) return;
      await runLane(bot, interaction, 'generate', prepared.input);
      return rememberChatCommand(bot, interaction, prepared);
    }
    case 'translate': {
      const to = language(options.getString('to', true));
      const fromText = options.getString('from');
      return runLane(bot, interaction, 'translate', {
        text: options.getString('text', true),
        to,
        ...(fromText ? { from: language(fromText) } : {}),
      });
    }
    case 'transcribe': {
      const spoken = options.getString('language');
      const audio = audioSource(options.getAttachment('audio', true), bot.config);
      return runLane(bot, interaction, 'transcribe', {
        audio,
        ...(spoken ? { language: language(spoken) } : await bot.languages.hintFor(interaction.user.id)),
      });
    }
    case 'help': {
      const settings = await settingsFor(bot, interaction);
      const limits = `Limits: ${bot.config.discord.rateLimit.userPerMinute} requests a minute; audio up to ${Math.floor(bot.config.limits.audio.maxDurationSec / 60)} min.`;
      const extras = 'React with a flag (🇯🇵, 🇺🇸, …) to translate a message; mention me or DM me to chat; reply to my answers to go on.';
      await interaction.reply({ content: `${formatHelp(settings.lanes)}\n${extras}\n${limits}`, ...EPHEMERAL });
      return;
    }
    case 'settings':
      return handleSettings(bot, interaction);
    case 'faq':
      return handleFaq(bot, interaction);
    case 'forget-me': {
      const deleted = await bot.store.forgetUser(interaction.user.id);
      await interaction.reply({
        content: `Done: I deleted what I stored about you (${deleted} record${deleted === 1 ? '' : 's'}). Your privacy choice is kept.`,
        ...EPHEMERAL,
      });
      return;
    }
    case 'privacy': {
      const automatic = options.getBoolean('automatic', true);
      await bot.store.setOptOut(interaction.user.id, !automatic);
      await interaction.reply({
        content: automatic
          ? 'Your messages may be transcribed/translated automatically where that is on.'
          : "I won't transcribe or translate your messages automatically any more (you can still ask me).",
        ...EPHEMERAL,
      });
      return;
    }
    default:
      throw new UserError('bad_request', `I don't know the command /${interaction.commandName}.`);
  }
}

async function onContextMenu(bot: DiscordBot, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  const message = interaction.targetMessage;
  if (interaction.commandName === CONTEXT_TRANSCRIBE) {
    const attachment = audioAttachment(message);
    if (!attachment) throw new UserError('audio_unsupported', 'That message has no voice message or audio file.');
    return runLane(
      bot,
      interaction,
      'transcribe',
      { audio: audioSource(attachment, bot.config), ...(await bot.languages.hintFor(message.author.id)) },
      message.id,
    );
  }
  const to =
    interaction.commandName === CONTEXT_TRANSLATE_MINE
      ? localeLanguage(interaction.locale)
      : interaction.commandName === CONTEXT_TRANSLATE_JA
        ? 'ja'
        : interaction.commandName === CONTEXT_TRANSLATE_EN
          ? 'en'
          : null;
  if (!to) throw new UserError('bad_request', `I don't know "${interaction.commandName}".`);
  if (!message.content.trim()) throw new UserError('bad_request', 'That message has no text to translate.');
  return runLane(bot, interaction, 'translate', { text: message.content, to }, message.id);
}

async function onButton(bot: DiscordBot, interaction: ButtonInteraction): Promise<void> {
  if (interaction.customId.startsWith(FAQ_BUTTON_PREFIX)) return onFaqButton(bot, interaction);
  if (isTranscriptButton(interaction.customId)) return onTranscriptButton(bot, interaction);
  const [action, lane, jobId] = interaction.customId.split(':');
  if (action !== 'cancel' || !lane || !jobId || !isLaneName(lane)) return;
  const job = await bot.producer.queue(lane).getJob(jobId);
  const owner = (job?.data as { context?: { userId?: string } } | undefined)?.context?.userId;
  const admin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  if (owner && owner !== interaction.user.id && !admin) throw new UserError('bad_request', 'Only the person who asked can cancel this.');
  const outcome = await bot.producer.cancel(lane, jobId);
  if (outcome === 'removed') {
    await bot.progress.finish(jobId);
    await interaction.update({ content: '✖️ Cancelled.', components: [], allowedMentions: NO_MENTIONS as never });
  } else if (outcome === 'signalled') {
    // The worker stops at its next step and replies with what it has; that reply replaces this message.
    await interaction.deferUpdate();
  } else {
    await interaction.reply({ content: 'That request has already finished.', ...EPHEMERAL });
  }
}

async function autocompleteLanguage(interaction: AutocompleteInteraction): Promise<void> {
  const typed = interaction.options.getFocused().toLowerCase();
  const matches = [...LANGUAGES.values()]
    .filter((lang) => !typed || lang.code.startsWith(typed) || lang.name.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((lang) => ({ name: `${lang.name} (${lang.code})`, value: lang.code }));
  await interaction.respond(matches).catch(() => undefined);
}

/** Discord client locales (`en-US`, `zh-TW`, `pt-BR`, `ja`) as translation targets. */
export function localeLanguage(locale: string): string {
  const lower = locale.toLowerCase();
  const found = findLanguage(lower) ?? findLanguage(lower.split('-')[0] ?? '');
  if (!found)
    throw new UserError(
      'unsupported_language',
      `I can't translate into your Discord language (${locale}) yet. Try "Translate to English".`,
    );
  return found.code;
}

function language(text: string): string {
  const found = findLanguage(text);
  if (!found)
    throw new UserError('unsupported_language', `"${text}" is not a language I know. Start typing a language name to see the list.`);
  return found.code;
}

/** The error ladder for interactions: user errors shown privately, others with a reference id. */
async function refuse(bot: DiscordBot, interaction: RepliableInteraction, error: unknown): Promise<void> {
  const described = describeError(error);
  if (described.reference) bot.logger.error({ err: error, reference: described.reference }, 'interaction failed');
  const content = `⚠️ ${described.userMessage}`;
  if (interaction.deferred) await interaction.editReply({ content, allowedMentions: { parse: [] } }).catch(() => undefined);
  else if (!interaction.replied) await interaction.reply({ content, ...EPHEMERAL }).catch(() => undefined);
}
