/**
 * Translation in Discord: `/translate`, the "Translate to …" context menus, flag reactions (🇯🇵 → Japanese) and
 * auto-translate channels. One-click and automatic requests refuse quietly: a text already in the target language
 * gets a private note from a context menu and nothing at all from a reaction or an auto-translate channel.
 */
import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import { described, named } from '../../bot/discord/kit.ts';
import type { BotServices } from '../../bot/discord/services.ts';
import { UserError } from '../../core/errors.ts';
import type { LocalText } from '../../i18n/text.ts';
import type { ContextMenuCommand, LaneDiscord, SlashCommand } from '../discord.ts';
import { defineSetting, meansNone } from '../server-settings.ts';
import { detectLanguage } from './detect.ts';
import { flagLanguage } from './flags.ts';
import { translateRef } from './ref.ts';
import { languageText } from './language-text.ts';
import { findLanguage, LANGUAGES } from './languages.ts';
import { translateMessages as m } from './messages.ts';
import { renderTranslation } from './render.ts';
import type { TranslateInput, TranslateResult } from './schema.ts';

export const autoTranslateSetting = defineSetting<string | null>({
  key: 'autoTranslate',
  value: z.string().nullable(),
  defaultValue: (config) => config.translate.autoTranslate,
  parse(text) {
    if (meansNone(text)) return null;
    return languageCode(text);
  },
  describe: m.settingAutoTranslate,
});

function languageCode(text: string): string {
  const found = findLanguage(text);
  if (!found) throw new UserError('unsupported_language', m.unknownLanguage(text));
  return found.code;
}

/** Discord client locales (`en-US`, `zh-TW`, `pt-BR`, `ja`) as translation targets. */
export function localeLanguage(locale: string): string {
  const lower = locale.toLowerCase();
  const found = findLanguage(lower) ?? findLanguage(lower.split('-')[0] ?? '');
  if (!found) throw new UserError('unsupported_language', m.localeUnsupported(locale));
  return found.code;
}

/** Language names and codes matching what the member typed, in English or Japanese. */
export function languageChoices(typed: string): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  return [...LANGUAGES.values()]
    .filter((language) => {
      if (!query) return true;
      const names = languageText(language.code);
      return language.code.startsWith(query) || names.en.toLowerCase().includes(query) || names.ja.includes(typed.trim());
    })
    .slice(0, 25)
    .map((language) => {
      const names = languageText(language.code);
      return { name: `${names.en} / ${names.ja} (${language.code})`, value: language.code };
    });
}

async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
  await interaction.respond(languageChoices(interaction.options.getFocused())).catch(() => undefined);
}

const translateCommand: SlashCommand = {
  data: described(new SlashCommandBuilder().setName('translate').setNameLocalizations({ ja: '翻訳' }), m.commandDescription)
    .addStringOption((o) =>
      described(o.setName('text').setNameLocalizations({ ja: '文' }), m.textOption)
        .setRequired(true)
        .setMaxLength(4000),
    )
    .addStringOption((o) =>
      described(o.setName('to').setNameLocalizations({ ja: '翻訳先' }), m.toOption)
        .setRequired(true)
        .setAutocomplete(true),
    )
    .addStringOption((o) => described(o.setName('from').setNameLocalizations({ ja: '翻訳元' }), m.fromOption).setAutocomplete(true))
    .toJSON(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    const to = languageCode(interaction.options.getString('to', true));
    const from = interaction.options.getString('from');
    const input: TranslateInput = { text: interaction.options.getString('text', true), to, ...(from ? { from: languageCode(from) } : {}) };
    await services.runInteraction(interaction, translateRef, input);
  },
  autocomplete,
};

/** "Translate to …" on a message: `target` is a language code, or the member's own Discord language. */
function translateMenu(name: LocalText, target: string | 'mine'): ContextMenuCommand {
  return {
    data: named(new ContextMenuCommandBuilder(), name).setType(ApplicationCommandType.Message).toJSON(),
    async execute(interaction: MessageContextMenuCommandInteraction, services: BotServices) {
      const message = interaction.targetMessage;
      const to = target === 'mine' ? localeLanguage(interaction.locale) : target;
      if (!message.content.trim()) throw new UserError('bad_request', m.nothingToTranslate);
      // A one-click action on text already in that language: a private note, never a public message.
      if (detectLanguage(message.content) === to) {
        await services.replyPrivately(interaction, m.sameLanguage(languageText(to)));
        return;
      }
      await services.runInteraction(interaction, translateRef, { text: message.content, to }, { messageId: message.id });
    },
  };
}

export const translateDiscord: LaneDiscord<TranslateInput, TranslateResult> = {
  commands: [translateCommand],
  contextMenus: [translateMenu(m.menuEnglish, 'en'), translateMenu(m.menuJapanese, 'ja'), translateMenu(m.menuMine, 'mine')],
  settings: [autoTranslateSetting],
  help: m.help,
  reaction: {
    async plan(reaction, services) {
      const to = flagLanguage(reaction.emoji);
      const text = reaction.message.content;
      if (!to || !text.trim() || reaction.message.author.id === services.botId()) return null;
      // Already in that language: a reaction gets no answer at all.
      if (detectLanguage(text) === to) return null;
      return { input: { text, to }, sourceId: `${reaction.message.id}-to-${to}`, automatic: true };
    },
  },
  message: {
    order: 40,
    async plan(incoming) {
      const to = incoming.settings.get(autoTranslateSetting);
      if (!to || incoming.addressed || !incoming.text.trim()) return null;
      if (detectLanguage(incoming.text) === to || (await incoming.optedOut())) return null;
      return { input: { text: incoming.text, to }, automatic: true };
    },
  },
  render: (result, context) => ({ content: renderTranslation(result, context.locale) }),
};
