/**
 * A finished step arrives on the replies queue: it replaces the placeholder with the lane's rendering of the result
 * (or the error), exactly once. A quiet step that handed on to another (the FAQ before chat) shows nothing: its
 * placeholder waits for the next step's answer. The placeholder belongs to the first step that answers; a later
 * step of a chain posts anew.
 */
import { pick } from '../../i18n/text.ts';
import { laneNamed } from '../../lanes/index.ts';
import type { DiscordReply } from '../../lanes/discord.ts';
import type { ReplyEnvelope } from '../../queue/envelope.ts';
import type { DeliveryAttempt } from '../../queue/replies.ts';
import { laneJobId } from '../../queue/job-id.ts';
import type { DiscordBot } from './app.ts';
import { botMessages } from './messages.ts';
import { discordTargetSchema } from './target.ts';

/** Delivers one reply; on the last `attempt`, an answer that cannot be edited into its placeholder is posted anew. */
export async function deliverReply(bot: DiscordBot, reply: ReplyEnvelope, attempt: DeliveryAttempt = { last: false }): Promise<void> {
  const parsedTarget = discordTargetSchema.safeParse(reply.target);
  const lane = laneNamed(reply.lane);
  if (!parsedTarget.success || !lane) {
    bot.logger.error({ jobId: reply.jobId, lane: reply.lane }, 'a reply without a Discord target or lane; dropped');
    return;
  }
  const target = parsedTarget.data;
  const locale = reply.context.language ?? 'en';
  await bot.progress.finish(reply.jobId);
  const next = reply.next ? laneNamed(reply.next) : undefined;
  if (reply.quiet && next) {
    // The next step answers in this step's place: its progress shows on the same placeholder.
    // Unless an earlier step already answered on it (a transcript before the answer to it).
    const answered = await bot.store.owner('placeholder-owner', reply.sourceId);
    if (!answered && !(target.kind === 'message' && target.onlyIfAnswered))
      bot.progress.track(next, laneJobId(next.name, reply.sourceId), target, reply.sourceId, locale);
    return;
  }
  let rendered: DiscordReply;
  let result: unknown;
  if (reply.outcome.ok) {
    result = lane.result.parse(reply.outcome.result);
    if (target.kind === 'message' && target.onlyIfAnswered && !lane.chain?.output(result)?.answered) return;
    const context = { locale, config: bot.config, jobId: reply.jobId };
    rendered = lane.discord?.render ? lane.discord.render(result, context) : { content: lane.render(result, context) };
  } else {
    if (target.kind === 'message' && target.onlyIfAnswered) return;
    rendered = { content: `⚠️ ${pick(reply.outcome.error.message, locale)}` };
  }
  const owner = await bot.store.claim('placeholder-owner', reply.sourceId, reply.jobId);
  await bot.deliverer.deliver({
    jobId: reply.jobId,
    sourceId: reply.sourceId,
    target,
    reply: rendered,
    fresh: owner !== reply.jobId,
    lastAttempt: attempt.last,
    voiceFallbackNote: pick(botMessages.voiceFallback, locale),
  });
  if (attempt.publishedAt) bot.metrics.observeStage(lane.name, 'delivery', Date.now() - attempt.publishedAt);
  if (reply.requestedAt) bot.metrics.observeStage(lane.name, 'end_to_end', Date.now() - reply.requestedAt);
  if (reply.outcome.ok) await lane.discord?.delivered?.(result, { userId: reply.context.userId, jobId: reply.jobId }, bot);
}
