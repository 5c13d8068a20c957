/**
 * Buttons with `faq:` custom ids: a suggestion under "I don't know" (`faq:show:<entry>`, anyone: posts that answer),
 * list pages (`faq:page:<n>`) and one-click learning from a miss (`faq:learn:<miss>:<entry>`), both admin only.
 */
import type { ButtonInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { laneJobId } from '../../../queue/job-id.ts';
import type { DiscordBot } from '../app.ts';
import { NO_MENTIONS } from '../deliver.ts';
import { adminGuild } from './faq-command.ts';
import { learnMiss } from './faq-edits.ts';
import { listPage, missesView } from './faq-views.ts';

export const FAQ_BUTTON_PREFIX = 'faq:';

export async function onFaqButton(bot: DiscordBot, interaction: ButtonInteraction): Promise<void> {
  const [, action = '', ...rest] = interaction.customId.split(':');
  const faq = bot.faq;
  const update = (content: string, components: unknown[]) =>
    interaction.update({ content, components: components as never, allowedMentions: NO_MENTIONS as never });
  switch (action) {
    case 'show': {
      const id = rest.join(':');
      const guildId = interaction.guildId;
      const entry = guildId ? await faq.store.get(guildId, id) : (await faq.defaults()).find((e) => e.id === id);
      if (!entry) throw new UserError('bad_request', 'That FAQ entry no longer exists.');
      await interaction.reply({ content: `${entry.answer}\n-# FAQ: ${entry.questions[0] ?? ''}`, allowedMentions: NO_MENTIONS as never });
      // The answer posted now can get a 👎 too: trace it to what was asked in the first place.
      const asked = interaction.message.interactionMetadata
        ? await faq.misses.answered(laneJobId('faq', interaction.message.interactionMetadata.id))
        : undefined;
      if (guildId)
        await faq.misses.rememberAnswer(laneJobId('faq', interaction.id), {
          guildId,
          question: asked?.question ?? entry.questions[0] ?? '',
          entryId: entry.id,
        });
      return;
    }
    case 'page': {
      const guildId = adminGuild(interaction);
      const page = listPage(await faq.store.snapshot(guildId), Number(rest[0] ?? 1));
      await update(page.content, page.components);
      return;
    }
    case 'learn': {
      const guildId = adminGuild(interaction);
      const [key = '', ...entry] = rest;
      const done = await learnMiss(faq, guildId, key, { entryId: entry.join(':') });
      bot.logger.info({ guildId, by: interaction.user.id, action: 'learn', miss: key }, 'FAQ changed');
      const view = missesView(await faq.misses.groups(guildId));
      await update(`✅ ${done}\n\n${view.content}`, view.components);
      return;
    }
    default:
      throw new UserError('bad_request', 'That button no longer does anything.');
  }
}
