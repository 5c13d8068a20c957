/**
 * `/privacy automatic:` and `/forget-me`. Forgetting deletes the member's namespace (histories, language), what
 * lanes keep about them elsewhere (thread conversations), and their content in kept jobs; the opt-out stays.
 */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { allLanes } from '../../../lanes/index.ts';
import type { SlashCommand } from '../../../lanes/discord.ts';
import { forgetJobsOf } from '../forget-jobs.ts';
import { described } from '../kit.ts';
import { botMessages as m } from '../messages.ts';
import type { BotServices } from '../services.ts';

export const forgetMeCommand: SlashCommand = {
  data: described(new SlashCommandBuilder().setName('forget-me').setNameLocalizations({ ja: '削除依頼' }), m.forgetDescription).toJSON(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    const userId = interaction.user.id;
    let deleted = 0;
    // Lanes first: some keep their index of what to delete under the member's namespace deleted below.
    for (const lane of allLanes()) deleted += (await lane.discord?.forgetUser?.(userId, services)) ?? 0;
    deleted += await services.store.forgetUser(userId);
    deleted += await forgetJobsOf(services, userId);
    services.logger.info({ userId, deleted }, 'member data forgotten');
    await services.replyPrivately(interaction, m.forgotten(deleted));
  },
};

export const privacyCommand: SlashCommand = {
  data: described(new SlashCommandBuilder().setName('privacy').setNameLocalizations({ ja: 'プライバシー' }), m.privacyDescription)
    .addBooleanOption((o) => described(o.setName('automatic').setNameLocalizations({ ja: '自動処理' }), m.privacyOption).setRequired(true))
    .toJSON(),
  async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
    const automatic = interaction.options.getBoolean('automatic', true);
    await services.store.setOptOut(interaction.user.id, !automatic);
    await services.replyPrivately(interaction, automatic ? m.privacyOn : m.privacyOff);
  },
};
