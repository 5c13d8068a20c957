/**
 * Speech-to-text in Discord: `/transcribe`, the "Transcribe" context menu, voice messages and audio files (always
 * in DMs and when the bot is addressed, everywhere with `autoTranscribe`), and the buttons under a transcript. A
 * transcript that asks something is answered as a typed question would be (the bot's answer steps follow it).
 */
import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import { described, named } from '../../bot/discord/kit.ts';
import type { BotServices, IncomingMessage } from '../../bot/discord/services.ts';
import { UserError } from '../../core/errors.ts';
import { coreMessages } from '../../i18n/messages.ts';
import { jobEnvelopeSchema } from '../../queue/envelope.ts';
import type { FollowUp } from '../chain.ts';
import type { ComponentHandler, LaneDiscord, SlashCommand } from '../discord.ts';
import { defineSetting, parseSwitch } from '../server-settings.ts';
import { findLanguage } from '../../text/languages.ts';
import { audioAttachment, audioSource } from './attachments.ts';
import { transcribeRef } from './ref.ts';
import { LanguageMemory } from './language-memory.ts';
import { transcribeMessages as m } from './messages.ts';
import { renderTranscriptForDiscord, TRANSCRIPT_ACTIONS, TRANSCRIPT_BUTTONS } from './render.ts';
import { transcribeInputSchema, transcribeResultSchema, type TranscribeInput, type TranscribeResult } from './schema.ts';

export const autoTranscribeSetting = defineSetting<boolean>({
  key: 'autoTranscribe',
  value: z.boolean(),
  defaultValue: (config) => config.transcribe.autoTranscribe,
  parse(text) {
    const value = parseSwitch(text);
    if (value === undefined) throw new UserError('bad_request', coreMessages.takesOnOff('autoTranscribe'));
    return value;
  },
  describe: m.settingAutoTranscribe,
});

const languages = (services: BotServices) =>
  services.shared('transcribe:languages', () => new LanguageMemory(services.redis, services.config.redis.prefix));

function spokenLanguage(text: string): string {
  const found = findLanguage(text);
  if (!found) throw new UserError('unsupported_language', m.unknownLanguage(text));
  return found.code;
}

const transcribeCommand: SlashCommand = {
  data: described(new SlashCommandBuilder().setName('transcribe').setNameLocalizations({ ja: '文字起こし' }), m.commandDescription)
    .addAttachmentOption((o) => described(o.setName('audio').setNameLocalizations({ ja: '音声' }), m.audioOption).setRequired(true))
    .addStringOption((o) => described(o.setName('language').setNameLocalizations({ ja: '言語' }), m.languageOption).setAutocomplete(true))
    .toJSON(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    const spoken = interaction.options.getString('language');
    const audio = audioSource(interaction.options.getAttachment('audio', true), services.config);
    const language = spoken ? { language: spokenLanguage(spoken) } : await languages(services).hintFor(interaction.user.id);
    await services.runInteraction(interaction, transcribeRef, { audio, ...language });
  },
};

const transcribeMenu = {
  data: named(new ContextMenuCommandBuilder(), m.menuTranscribe).setType(ApplicationCommandType.Message).toJSON(),
  async execute(interaction: MessageContextMenuCommandInteraction, services: BotServices) {
    const message = interaction.targetMessage;
    const attachment = audioAttachment(message);
    if (!attachment) throw new UserError('audio_unsupported', m.noAudio);
    const input: TranscribeInput = {
      audio: audioSource(attachment, services.config),
      ...(await languages(services).hintFor(message.author.id)),
    };
    await services.runInteraction(interaction, transcribeRef, input, { messageId: message.id });
  },
};

/**
 * The steps after a transcript: answered like a typed question when it asks something; always in DMs (if set), and
 * in a channel, always for a voice message addressed to the bot (a reply to it, an `answerAll` channel) where
 * questions are answered: a voice message carries no text, so being addressed is the member talking to the bot.
 */
function followUps(incoming: IncomingMessage, services: BotServices): FollowUp[] {
  const { guilds, ...defaults } = services.config.transcribe.followUps;
  const guildId = incoming.message.guildId;
  const rules = { ...defaults, ...(guildId ? guilds[guildId] : {}) };
  const talking = !incoming.dm && incoming.addressed && incoming.message.flags.has(MessageFlags.IsVoiceMessage);
  const answerAll = (incoming.dm && rules.answerInDms) || (talking && rules.answerQuestions);
  if (!answerAll && !rules.answerQuestions) return [];
  const request = {
    userId: incoming.message.author.id,
    guildId: guildId,
    channelId: incoming.message.channelId,
    isThread: incoming.message.channel.isThread(),
    turns: [],
  };
  const [first, ...rest] = services.answerSteps(incoming.settings, { request, spoken: true });
  if (!first) return [];
  return [{ ...first, when: answerAll ? 'always' : 'question' }, ...rest];
}

const transcriptButtons: ComponentHandler = {
  namespace: TRANSCRIPT_BUTTONS,
  async execute(interaction, services, args) {
    const parsed = z.tuple([z.enum(TRANSCRIPT_ACTIONS), z.string().min(1)]).safeParse(args);
    if (!parsed.success || !interaction.isButton()) throw new UserError('bad_request', coreMessages.unknownButton);
    const [action, jobId] = parsed.data;
    const job = await services.producer.queue(transcribeRef.queue).getJob(jobId);
    const envelope = jobEnvelopeSchema.safeParse(job?.data);
    const transcript = transcribeResultSchema.safeParse(job?.returnvalue);
    if (!envelope.success || !transcript.success) throw new UserError('bad_request', m.tooOldForButtons);
    const { text, language } = transcript.data;
    const messageId = interaction.message.id;
    if (action === 'tr' || action === 'ans') {
      const lane = services.laneWithRole(action === 'tr' ? 'translation' : 'knowledge');
      const input = lane?.chain?.input?.(
        { text, ...(language ? { language } : {}) },
        action === 'tr' ? { to: language === 'en' ? 'ja' : 'en' } : {},
      );
      if (!lane || input === undefined) throw new UserError('unavailable', coreMessages.unknownButton);
      await services.runInteraction(interaction, lane, input, { messageId });
      return;
    }
    const original = transcribeInputSchema.parse(envelope.data.input);
    await services.runInteraction(
      interaction,
      transcribeRef,
      { audio: original.audio, language: action, ...(original.task ? { task: original.task } : {}) },
      { messageId },
    );
  },
};

export const transcribeDiscord: LaneDiscord<TranscribeInput, TranscribeResult> = {
  commands: [transcribeCommand],
  contextMenus: [transcribeMenu],
  components: [transcriptButtons],
  settings: [autoTranscribeSetting],
  help: m.help,
  message: {
    order: 10,
    async plan(incoming, services) {
      const attachment = audioAttachment(incoming.message);
      if (!attachment) return null;
      const automatic = !incoming.dm && !incoming.addressed;
      if (automatic && (!incoming.settings.get(autoTranscribeSetting) || (await incoming.optedOut()))) return null;
      const input: TranscribeInput = {
        audio: audioSource(attachment, services.config),
        ...(await languages(services).hintFor(incoming.message.author.id)),
      };
      return { input, then: followUps(incoming, services), automatic };
    },
  },
  render: (result, context) => renderTranscriptForDiscord(result, context.jobId, context.locale, context.config),
  async delivered(result, job, services) {
    if (result.text && !result.stopped && result.language && result.languageSource !== 'hint') {
      await languages(services).remember(job.userId, result.language);
    }
  },
};
