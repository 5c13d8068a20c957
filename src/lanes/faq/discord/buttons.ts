/**
 * The FAQ's buttons. Under answers: 👍/👎 (`faq:vote:<up|down>:<job>`; 👎 records the question as a miss of that
 * entry, once per member) and, under "I'm not sure", the closest entries (`faq:show:<entry>:<job>`, anyone: posts
 * that answer). In `/faq list` and `/faq misses`: pages and one-click learning (`faqadmin:…`, admins only).
 */
import type { MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import { z } from 'zod';
import { NO_MENTIONS } from '../../../bot/discord/kit.ts';
import type { BotServices } from '../../../bot/discord/services.ts';
import { UserError } from '../../../core/errors.ts';
import { coreMessages } from '../../../i18n/messages.ts';
import { pick } from '../../../i18n/text.ts';
import type { ComponentHandler } from '../../discord.ts';
import { faqMessages as m } from '../messages.ts';
import { FAQ_BUTTONS } from '../render.ts';
import { adminGuild } from './admin.ts';
import { learnMiss } from './edits.ts';
import { recordDownvote } from './feedback.ts';
import { faqAdmin } from './services.ts';
import { FAQ_ADMIN_BUTTONS, listPage, missesView } from './views.ts';

const answerArgs = z.union([
  z.tuple([z.literal('show'), z.string().min(1), z.string().min(1)]),
  z.tuple([z.literal('vote'), z.enum(['up', 'down']), z.string().min(1)]),
]);
const adminArgs = z.union([
  z.tuple([z.literal('page'), z.coerce.number().int()]),
  z.tuple([z.literal('learn'), z.string().min(1), z.string().min(1)]),
]);

function buttonOnly(interaction: MessageComponentInteraction | ModalSubmitInteraction) {
  if (!interaction.isButton()) throw new UserError('bad_request', coreMessages.unknownButton);
  return interaction;
}

export const faqAnswerButtons: ComponentHandler = {
  namespace: FAQ_BUTTONS,
  async execute(raw, services: BotServices, args) {
    const interaction = buttonOnly(raw);
    const parsed = answerArgs.safeParse(args);
    if (!parsed.success) throw new UserError('bad_request', coreMessages.unknownButton);
    const locale = services.localeOf(interaction);
    const faq = faqAdmin(services);
    if (parsed.data[0] === 'vote') {
      const [, vote, jobId] = parsed.data;
      const recorded = vote === 'down' && (await recordDownvote(services, jobId, interaction.message.id, interaction.user.id));
      await services.replyPrivately(interaction, recorded ? m.downvoteRecorded : m.thanksForFeedback);
      return;
    }
    const [, entryId, askedJob] = parsed.data;
    const guildId = interaction.guildId;
    const entry = guildId ? await faq.store.get(guildId, entryId) : (await faq.defaults()).find((e) => e.id === entryId);
    if (!entry) throw new UserError('bad_request', m.entryGone);
    await interaction.reply({
      content: `${entry.answer}\n${pick(m.answerFooter(entry.questions[0] ?? ''), locale)}`,
      allowedMentions: NO_MENTIONS,
    });
    // The answer posted now can get a 👎 too: trace it to what was asked in the first place.
    const asked = await faq.misses.answered(askedJob);
    if (guildId)
      await faq.misses.rememberAnswer(`faq-${interaction.id}`, {
        guildId,
        question: asked?.question ?? entry.questions[0] ?? '',
        entryId: entry.id,
      });
  },
};

export const faqAdminButtons: ComponentHandler = {
  namespace: FAQ_ADMIN_BUTTONS,
  async execute(raw, services: BotServices, args) {
    const interaction = buttonOnly(raw);
    const parsed = adminArgs.safeParse(args);
    if (!parsed.success) throw new UserError('bad_request', coreMessages.unknownButton);
    const guildId = adminGuild(interaction);
    const locale = services.localeOf(interaction);
    const faq = faqAdmin(services);
    if (parsed.data[0] === 'page') {
      const page = listPage(await faq.store.snapshot(guildId), parsed.data[1], locale);
      await interaction.update({ content: page.content, components: page.components, allowedMentions: NO_MENTIONS });
      return;
    }
    const [, key, entryId] = parsed.data;
    const done = await learnMiss(faq, guildId, key, { entryId });
    services.logger.info({ guildId, by: interaction.user.id, action: 'learn', miss: key }, 'FAQ changed');
    const view = missesView(await faq.misses.groups(guildId), locale);
    await interaction.update({
      content: `✅ ${pick(done, locale)}\n\n${view.content}`,
      components: view.components,
      allowedMentions: NO_MENTIONS,
    });
  },
};
