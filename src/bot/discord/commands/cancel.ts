/**
 * The Cancel button under a placeholder (`cancel:<lane>:<job>`): the member who asked (or an admin) stops it. A
 * waiting job is removed at once; a running one stops at its next step and answers with what it has.
 */
import { PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { UserError } from '../../../core/errors.ts';
import { coreMessages } from '../../../i18n/messages.ts';
import { pick } from '../../../i18n/text.ts';
import { laneNamed } from '../../../lanes/index.ts';
import type { ComponentHandler } from '../../../lanes/discord.ts';
import { NO_MENTIONS } from '../kit.ts';
import { CANCEL_BUTTON } from '../progress.ts';

const argsSchema = z.tuple([z.string().refine((lane) => laneNamed(lane) !== undefined), z.string().min(1)]);

export const cancelButtonHandler: ComponentHandler = {
  namespace: CANCEL_BUTTON,
  async execute(interaction, services, args) {
    const parsed = argsSchema.safeParse(args);
    if (!parsed.success || !interaction.isButton()) throw new UserError('bad_request', coreMessages.unknownButton);
    const [lane, jobId] = parsed.data;
    const job = await services.producer.queue(lane).getJob(jobId);
    const owner = (job?.data as { context?: { userId?: string } } | undefined)?.context?.userId;
    const admin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    if (owner && owner !== interaction.user.id && !admin) throw new UserError('forbidden', coreMessages.onlyAskerCancels);
    const outcome = await services.producer.cancel(lane, jobId);
    if (outcome === 'removed') {
      await services.stopProgress(jobId);
      await interaction.update({
        content: pick(coreMessages.cancelled, services.localeOf(interaction)),
        components: [],
        allowedMentions: NO_MENTIONS,
      });
    } else if (outcome === 'signalled') {
      // The worker stops at its next step and replies with what it has; that reply replaces this message.
      await interaction.deferUpdate();
    } else {
      await services.replyPrivately(interaction, coreMessages.alreadyFinished);
    }
  },
};
