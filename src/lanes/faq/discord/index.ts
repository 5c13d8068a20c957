/** The FAQ in Discord: `/ask`, the `/faq` admin command, the buttons under answers, and 👎 feedback. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotServices } from '../../../bot/discord/services.ts';
import type { LaneDiscord } from '../../discord.ts';
import { faqRef } from '../ref.ts';
import { faqMessages as m } from '../messages.ts';
import { renderFaqForDiscord } from '../render.ts';
import type { FaqInput, FaqResult } from '../schema.ts';
import { handleFaqCommand } from './admin.ts';
import { faqAdminButtons, faqAnswerButtons } from './buttons.ts';
import { askCommandData, faqCommandData } from './commands.ts';
import { onThumbsDown } from './feedback.ts';

export const faqDiscord: LaneDiscord<FaqInput, FaqResult> = {
  commands: [
    {
      data: askCommandData(),
      async execute(interaction: ChatInputCommandInteraction, services: BotServices) {
        await services.runInteraction(interaction, faqRef, { question: interaction.options.getString('question', true) });
      },
    },
    { data: faqCommandData(), execute: handleFaqCommand },
  ],
  components: [faqAnswerButtons, faqAdminButtons],
  reaction: { handle: (reaction, services) => onThumbsDown(services, reaction.message, reaction.emoji, reaction.user.id) },
  render: (result, context) => renderFaqForDiscord(result, context.jobId, context.locale),
  help: m.help,
};
