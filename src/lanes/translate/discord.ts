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
import type { BotServices, IncomingMessage } from '../../bot/discord/services.ts';
import { UserError } from '../../core/errors.ts';
import type { LocalText } from '../../i18n/text.ts';
import type { ContextMenuCommand, LaneDiscord, SlashCommand } from '../discord.ts';
import { defineSetting, meansNone } from '../server-settings.ts';
import { botRelay } from './channels/bot-relay.ts';
import { autotranslateCommand } from './channels/command.ts';
import { relayMessageFrom } from './channels/discord-poster.ts';
import { channelStore } from './channels/shared.ts';
import { flagLanguage } from './flags.ts';
import { glossaryCommand } from './glossary/command.ts';
import { translateRef } from './ref.ts';
import { languageText } from '../../text/language-text.ts';
import { baseCode, detectLanguage } from '../../text/detect.ts';
import { findLanguage, searchLanguages } from '../../text/languages.ts';
import { nothingToTranslate } from '../../text/nothing.ts';
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

/** Language names and codes matching what the member typed, in English, Japanese or kana (「にほん」「英語」「ja」). */
export function languageChoices(typed: string): { name: string; value: string }[] {
  return searchLanguages(typed, 25).map((language) => ({
    name: `${language.name} / ${language.ja} (${language.code})`,
    value: language.code,
  }));
}

/**
 * Whether `text` is already in `to`, as far as detection can tell. Below detection's confidence the answer is "no"
 * for a request someone made (translate it anyway) and the caller of automatic work treats `undefined` as "skip".
 */
async function alreadyIn(text: string, to: string, hint: string | undefined): Promise<boolean | undefined> {
  const detected = await detectLanguage(text, { hint: hint ? baseCode(hint) : undefined });
  return detected ? baseCode(detected.code) === baseCode(to) : undefined;
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
      if (await alreadyIn(message.content, to, interaction.locale)) {
        await services.replyPrivately(interaction, m.sameLanguage(languageText(to)));
        return;
      }
      await services.runInteraction(interaction, translateRef, { text: message.content, to }, { messageId: message.id });
    },
  };
}

/**
 * Hands a message in a translation channel to the relay (in the background: the copies take a model run) and says
 * whether the channel has a rule. Members who opted out, and a message seen before (a gateway replay), are not relayed.
 */
async function relayed(incoming: IncomingMessage, services: BotServices): Promise<boolean> {
  const { message } = incoming;
  if (incoming.dm || !message.guildId) return false;
  if (!(await channelStore(services).rule(message.channelId))) return false;
  if (!incoming.settings.laneEnabled(translateRef.name) || (await incoming.optedOut())) return true;
  if (!(await services.store.firstSeen('translate-relay', message.id))) return true;
  void botRelay(services, message.client).onCreate(relayMessageFrom(message));
  return true;
}

export const translateDiscord: LaneDiscord<TranslateInput, TranslateResult> = {
  commands: [translateCommand, glossaryCommand, autotranslateCommand],
  contextMenus: [translateMenu(m.menuEnglish, 'en'), translateMenu(m.menuJapanese, 'ja'), translateMenu(m.menuMine, 'mine')],
  settings: [autoTranslateSetting],
  help: m.help,
  reaction: {
    async plan(reaction, services) {
      const to = flagLanguage(reaction.emoji);
      const text = reaction.message.content;
      if (!to || !text.trim() || reaction.message.author.id === services.botId()) return null;
      // Nothing to translate, or already in that language: a reaction gets no answer at all.
      if (nothingToTranslate(text, { minLetters: 0 }) || (await alreadyIn(text, to, reaction.locale))) return null;
      return { input: { text, to }, sourceId: `${reaction.message.id}-to-${to}`, automatic: true };
    },
  },
  message: {
    order: 40,
    async plan(incoming, services) {
      // A translation channel's messages go to the relay (copies as the author); none of them is a job of its own.
      if (await relayed(incoming, services)) return null;
      const to = incoming.settings.get(autoTranslateSetting);
      if (!to || incoming.addressed || !incoming.text.trim() || nothingToTranslate(incoming.text)) return null;
      // Automatic work acts only on a sure detection: unsure, or already in the target language, it does nothing.
      if ((await alreadyIn(incoming.text, to, incoming.locale)) !== false || (await incoming.optedOut())) return null;
      return { input: { text: incoming.text, to }, automatic: true };
    },
  },
  render: (result, context) => ({ content: renderTranslation(result, context.locale) }),
};
