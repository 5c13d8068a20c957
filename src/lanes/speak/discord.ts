/**
 * Reading aloud in Discord: `/speak`, the "Read aloud" context menu and the `voiceReplies` setting. The result is
 * a real voice message (see `render.ts`); where the bot may not send voice messages the deliverer posts the audio
 * as an ordinary file with the text and says why.
 */
import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Message,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import { described, named } from '../../bot/discord/kit.ts';
import type { BotServices } from '../../bot/discord/services.ts';
import { UserError } from '../../core/errors.ts';
import { coreMessages } from '../../i18n/messages.ts';
import { findLanguage, languageName } from '../../text/languages.ts';
import type { ContextMenuCommand, LaneDiscord, SlashCommand } from '../discord.ts';
import { defineSetting, parseSwitch } from '../server-settings.ts';
import { speakMessages as m } from './messages.ts';
import { speakRef } from './ref.ts';
import { renderSpeechForDiscord } from './render.ts';
import { voiceName, type SpeakInput, type SpeakResult } from './schema.ts';

/** Answers to voice messages are spoken back as voice messages too (after the text answer). */
export const voiceRepliesSetting = defineSetting<boolean>({
  key: 'voiceReplies',
  value: z.boolean(),
  defaultValue: (config) => config.speak.voiceReplies,
  parse(text) {
    const value = parseSwitch(text);
    if (value === undefined) throw new UserError('bad_request', coreMessages.takesOnOff('voiceReplies'));
    return value;
  },
  describe: m.settingVoiceReplies,
  // Members turn it on for their own DMs too.
  perMember: true,
});

function languageCode(text: string): string {
  const found = findLanguage(text);
  if (!found) throw new UserError('unsupported_language', m.unknownLanguage(text));
  return found.code;
}

function voiceOf(text: string): string {
  const parsed = voiceName.safeParse(text.trim().toUpperCase());
  if (!parsed.success) throw new UserError('bad_request', m.badVoice(text));
  return parsed.data;
}

/** The configured languages and voices matching what the member typed. */
async function autocomplete(interaction: AutocompleteInteraction, services: BotServices): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = focused.value.trim().toLowerCase();
  const settings = services.config.speak;
  const choices =
    focused.name === 'voice'
      ? [...new Set(Object.values(settings.engines).flatMap((engine) => engine.voices))].map((voice) => ({ name: voice, value: voice }))
      : Object.keys(settings.languages).map((code) => ({ name: `${languageName(code)} (${code})`, value: code }));
  await interaction
    .respond(choices.filter((choice) => !typed || choice.name.toLowerCase().includes(typed)).slice(0, 25))
    .catch(() => undefined);
}

/** Display names of the users, roles and channels a message mentions, so they are read as names, never as ids. */
function mentionNames(message: Message): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, user] of message.mentions.users) names[id] = message.mentions.members?.get(id)?.displayName ?? user.displayName;
  for (const [id, role] of message.mentions.roles) names[id] = role.name;
  for (const [id, channel] of message.mentions.channels) if ('name' in channel && channel.name) names[id] = channel.name;
  return names;
}

const speakCommand: SlashCommand = {
  data: described(new SlashCommandBuilder().setName('speak').setNameLocalizations({ ja: '読み上げ' }), m.commandDescription)
    .addStringOption((o) =>
      described(o.setName('text').setNameLocalizations({ ja: '文' }), m.textOption)
        .setRequired(true)
        .setMaxLength(4000),
    )
    .addStringOption((o) => described(o.setName('language').setNameLocalizations({ ja: '言語' }), m.languageOption).setAutocomplete(true))
    .addStringOption((o) => described(o.setName('voice').setNameLocalizations({ ja: '声' }), m.voiceOption).setAutocomplete(true))
    .toJSON(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    const language = interaction.options.getString('language');
    const voice = interaction.options.getString('voice');
    const input: SpeakInput = {
      text: interaction.options.getString('text', true),
      ...(language ? { language: languageCode(language) } : {}),
      ...(voice ? { voice: voiceOf(voice) } : {}),
    };
    await services.runInteraction(interaction, speakRef, input);
  },
  autocomplete,
};

const readAloudMenu: ContextMenuCommand = {
  data: named(new ContextMenuCommandBuilder(), m.menuReadAloud).setType(ApplicationCommandType.Message).toJSON(),
  async execute(interaction: MessageContextMenuCommandInteraction, services: BotServices) {
    const message = interaction.targetMessage;
    if (!message.content.trim()) throw new UserError('bad_request', m.nothingInMessage);
    const names = mentionNames(message);
    const input: SpeakInput = { text: message.content, ...(Object.keys(names).length ? { names } : {}) };
    await services.runInteraction(interaction, speakRef, input, { messageId: message.id });
  },
};

export const speakDiscord: LaneDiscord<SpeakInput, SpeakResult> = {
  commands: [speakCommand],
  contextMenus: [readAloudMenu],
  settings: [voiceRepliesSetting],
  speaksBack: (settings) => settings.get(voiceRepliesSetting),
  help: m.help,
  render: (result, context) => renderSpeechForDiscord(result, context.locale),
};
