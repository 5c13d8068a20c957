/**
 * The application commands kotodama registers (`npm run commands:register`): slash commands and
 * message context-menu entries. Plain data, so registration is its own script.
 */
import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { CHAT_SETTING_KEYS } from './chat-settings.ts';
import { faqCommand } from './handlers/faq-definition.ts';

export const CONTEXT_TRANSLATE_EN = 'Translate to English';
export const CONTEXT_TRANSLATE_JA = 'Translate to Japanese';
/** Translates into the language of the member's Discord client. */
export const CONTEXT_TRANSLATE_MINE = 'Translate to my language';
export const CONTEXT_TRANSCRIBE = 'Transcribe';

export const SETTING_KEYS = ['lanes', 'autoTranscribe', 'autoTranslate', 'persona', ...CHAT_SETTING_KEYS] as const;

export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [
    new SlashCommandBuilder()
      .setName('ask')
      .setDescription("Ask a question; answered from this server's FAQ")
      .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(1000)),
    new SlashCommandBuilder()
      .setName('translate')
      .setDescription('Translate text')
      .addStringOption((o) => o.setName('text').setDescription('What to translate').setRequired(true).setMaxLength(4000))
      .addStringOption((o) => o.setName('to').setDescription('Target language').setRequired(true).setAutocomplete(true))
      .addStringOption((o) => o.setName('from').setDescription('Source language (detected when empty)').setAutocomplete(true)),
    new SlashCommandBuilder()
      .setName('chat')
      .setDescription('Talk with the assistant')
      // Optional so that `/chat reset:True` alone forgets; `/chat prompt:` works as before.
      .addStringOption((o) => o.setName('prompt').setDescription('Your message').setMaxLength(4000))
      .addBooleanOption((o) => o.setName('reset').setDescription('Forget our conversation here first (DMs and threads)')),
    new SlashCommandBuilder()
      .setName('transcribe')
      .setDescription('Turn an audio file into text')
      .addAttachmentOption((o) => o.setName('audio').setDescription('Audio file or voice message').setRequired(true))
      .addStringOption((o) => o.setName('language').setDescription('Spoken language (detected when empty)').setAutocomplete(true)),
    new SlashCommandBuilder().setName('help').setDescription('What kotodama can do here'),
    new SlashCommandBuilder()
      .setName('settings')
      .setDescription('Show or change kotodama settings (Manage Server)')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .setContexts(0)
      .addSubcommand((s) => s.setName('show').setDescription('Show the settings that apply in this channel'))
      .addSubcommand((s) =>
        s
          .setName('set')
          .setDescription('Change a setting for the server or this channel')
          .addStringOption((o) =>
            o
              .setName('key')
              .setDescription('Setting')
              .setRequired(true)
              .addChoices(...SETTING_KEYS.map((key) => ({ name: key, value: key }))),
          )
          .addStringOption((o) => o.setName('value').setDescription('New value; "reset" to inherit').setRequired(true))
          .addStringOption((o) =>
            o
              .setName('scope')
              .setDescription('Where it applies')
              .addChoices(
                { name: 'server', value: 'guild' },
                { name: 'this category', value: 'category' },
                { name: 'this channel or thread', value: 'channel' },
              ),
          ),
      ),
    faqCommand(),
    new SlashCommandBuilder().setName('forget-me').setDescription('Delete what kotodama stores about you'),
    new SlashCommandBuilder()
      .setName('privacy')
      .setDescription('Allow or stop automatic transcription/translation of your messages')
      .addBooleanOption((o) => o.setName('automatic').setDescription('Process my messages automatically').setRequired(true)),
    new ContextMenuCommandBuilder().setName(CONTEXT_TRANSLATE_EN).setType(ApplicationCommandType.Message),
    new ContextMenuCommandBuilder().setName(CONTEXT_TRANSLATE_JA).setType(ApplicationCommandType.Message),
    new ContextMenuCommandBuilder().setName(CONTEXT_TRANSLATE_MINE).setType(ApplicationCommandType.Message),
    new ContextMenuCommandBuilder().setName(CONTEXT_TRANSCRIBE).setType(ApplicationCommandType.Message),
  ].map((builder) => builder.toJSON());
}
