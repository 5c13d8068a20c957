/**
 * Translation channels (`/autotranslate`): a channel's rule lists where its messages go, translated. A channel with
 * target languages posts each translation in the same channel; two linked channels (#general-ja <-> #general-en)
 * repost each other's messages, each with the other's language. Values are zod-checked when read from Redis.
 */
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{5,25}$/u, 'a Discord id');
const languageCode = z.string().regex(/^[a-z]{2,3}(-tw)?$/u, 'a language code such as ja or en');

export const channelOutputSchema = z.strictObject({ channelId: snowflake, language: languageCode });

export const channelRuleSchema = z.strictObject({
  guildId: snowflake,
  /** The language people write in this channel (linked channels): the detector's hint. */
  language: languageCode.optional(),
  outputs: z.array(channelOutputSchema).min(1).max(10),
});

/** One copy of an original message: where it was posted. */
export const copySchema = z.strictObject({ channelId: snowflake, messageId: snowflake, language: languageCode });

export type ChannelOutput = z.infer<typeof channelOutputSchema>;
export type ChannelRule = z.infer<typeof channelRuleSchema>;
export type Copy = z.infer<typeof copySchema>;
