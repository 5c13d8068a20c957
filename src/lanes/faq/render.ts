/**
 * FAQ results as members read them: the entry's answer with its title, or "I'm not sure" with the closest entries
 * (buttons in Discord), or a friendly acknowledgement of small talk. Answers carry 👍/👎 buttons.
 */
import { ButtonStyle } from 'discord.js';
import { customId } from '../../bot/discord/custom-id.ts';
import { pick, type Locale } from '../../i18n/text.ts';
import type { DiscordReply } from '../discord.ts';
import { button, row } from './discord/views.ts';
import { faqMessages as m } from './messages.ts';
import type { FaqResult } from './schema.ts';

/** The namespace of the buttons under FAQ answers: `faq:show:<entry>`, `faq:vote:<up|down>:<faq job id>`. */
export const FAQ_BUTTONS = 'faq';

export function renderFaq(result: FaqResult, locale: Locale): string {
  switch (result.kind) {
    case 'answer':
      return `${result.answer}\n${pick(m.answerFooter(result.question), locale)}`;
    case 'smalltalk':
      return pick(m.smallTalk[result.smalltalk], locale);
    case 'unknown': {
      if (!result.suggestions.length) return pick(m.dontKnow, locale);
      return `${pick(m.notSure, locale)}\n${result.suggestions.map((s) => `- ${s.question}`).join('\n')}`;
    }
  }
}

export function renderFaqForDiscord(result: FaqResult, jobId: string, locale: Locale): DiscordReply {
  if (result.kind === 'answer') {
    const votes = row([
      button(customId(FAQ_BUTTONS, 'vote', 'up', jobId), '👍', ButtonStyle.Secondary),
      button(customId(FAQ_BUTTONS, 'vote', 'down', jobId), '👎', ButtonStyle.Secondary),
    ]);
    return { content: renderFaq(result, locale), components: votes };
  }
  if (result.kind === 'unknown' && result.suggestions.length) {
    const suggestions = row(
      result.suggestions.map((s) => button(customId(FAQ_BUTTONS, 'show', s.id, jobId), s.question, ButtonStyle.Primary)),
    );
    return { content: pick(m.notSure, locale), components: suggestions };
  }
  return { content: renderFaq(result, locale) };
}
