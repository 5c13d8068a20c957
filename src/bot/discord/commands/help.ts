/**
 * `/help` in Discord: the slash commands with their options, the context-menu entries, the reactions and what a
 * mention does — only for the lanes that are on in this channel — in the member's language.
 */
import { SlashCommandBuilder, type APIApplicationCommandOption, type ChatInputCommandInteraction } from 'discord.js';
import { pick, type Locale } from '../../../i18n/text.ts';
import { allLanes } from '../../../lanes/index.ts';
import type { SlashCommand } from '../../../lanes/discord.ts';
import { described } from '../kit.ts';
import { botMessages as m } from '../messages.ts';
import type { BotServices } from '../services.ts';

interface Localized {
  readonly name: string;
  readonly name_localizations?: Partial<Record<string, string | null | undefined>> | null | undefined;
  readonly description?: string | undefined;
  readonly description_localizations?: Partial<Record<string, string | null | undefined>> | null | undefined;
}

const nameIn = (item: Localized, locale: Locale) => (locale === 'ja' ? (item.name_localizations?.ja ?? item.name) : item.name);
const descriptionIn = (item: Localized, locale: Locale) =>
  locale === 'ja' ? (item.description_localizations?.ja ?? item.description ?? '') : (item.description ?? '');

function usage(command: Localized & { options?: readonly APIApplicationCommandOption[] | undefined }, locale: Locale): string {
  const options = (command.options ?? []).map((option) => {
    const name = nameIn(option, locale);
    return 'required' in option && option.required ? `${name}:` : `[${name}:]`;
  });
  return `\`/${nameIn(command, locale)}${options.length ? ` ${options.join(' ')}` : ''}\` — ${descriptionIn(command, locale)}`;
}

export function helpText(services: Pick<BotServices, 'config'>, enabled: (lane: string) => boolean, locale: Locale): string {
  const lanes = allLanes().filter(
    (lane) => enabled(lane.name) && services.config.lanes[lane.name as keyof typeof services.config.lanes].enabled,
  );
  const commands = lanes.flatMap((lane) => lane.discord?.commands ?? []).filter((command) => !command.data.default_member_permissions);
  const menus = lanes.flatMap((lane) => lane.discord?.contextMenus ?? []);
  const ways = lanes.flatMap((lane) => (lane.discord?.help ? [pick(lane.discord.help, locale)] : []));
  const { userPerMinute } = services.config.discord.rateLimit;
  return [
    pick(m.helpTitle, locale),
    pick(m.helpCommands, locale),
    ...commands.map((command) => `- ${usage(command.data, locale)}`),
    ...(menus.length ? [pick(m.helpMenus, locale), menus.map((menu) => `「${nameIn(menu.data, locale)}」`).join(' · ')] : []),
    pick(m.helpOther, locale),
    `- ${pick(m.helpAsk, locale)}`,
    ...ways.map((way) => `- ${way}`),
    pick(m.helpLimits(userPerMinute, Math.floor(services.config.limits.audio.maxDurationSec / 60)), locale),
    `${pick(m.helpAdmin, locale)} ${pick(m.helpPrivacy, locale)}`,
  ].join('\n');
}

export const helpCommand: SlashCommand = {
  data: described(new SlashCommandBuilder().setName('help').setNameLocalizations({ ja: 'ヘルプ' }), m.helpDescription).toJSON(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    const settings = await services.settingsFor(interaction);
    const text = helpText(services, (lane) => settings.laneEnabled(lane), 'en');
    const ja = helpText(services, (lane) => settings.laneEnabled(lane), 'ja');
    await services.replyPrivately(interaction, { en: text, ja });
  },
};
