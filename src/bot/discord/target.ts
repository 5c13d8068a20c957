/**
 * Where a Discord answer goes, carried through the queues as the reply target. Workers never read it; the bot
 * parses it back with this schema when the reply arrives (possibly after a restart).
 */
import { z } from 'zod';

export const discordTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** A slash command, context menu or button: answer by editing the deferred reply through its token. */
    kind: z.literal('interaction'),
    applicationId: z.string(),
    token: z.string(),
    /** When Discord created the interaction; its token works for 15 minutes from then. */
    createdAt: z.number(),
    channelId: z.string(),
    userId: z.string(),
    /** The message the command was about (context menus, buttons), for a channel reply once the token expired. */
    messageId: z.string().optional(),
  }),
  z.strictObject({
    /** A message, mention or reaction: reply to `messageId`, editing the placeholder when there is one. */
    kind: z.literal('message'),
    channelId: z.string(),
    messageId: z.string(),
    userId: z.string(),
    /** An answer nobody asked for (`autoAnswer`): posted only when it answers, never "I don't know". */
    onlyIfAnswered: z.boolean().optional(),
  }),
]);

export type DiscordTarget = z.infer<typeof discordTargetSchema>;
