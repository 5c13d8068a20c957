/**
 * Lane results as message text, shared by every front end. Pure functions: what to say, not where.
 */
import type { LaneName, LaneResult } from '../../lanes/registry.ts';
import { languageName } from '../../lanes/translate/languages.ts';
import { COMMANDS } from '../router.ts';
import type { ReplyEnvelope } from '../../queue/envelope.ts';

export function formatResult(lane: LaneName, result: LaneResult<LaneName>): string {
  switch (lane) {
    case 'faq':
      return formatFaq(result as LaneResult<'faq'>);
    case 'translate': {
      const translation = result as LaneResult<'translate'>;
      return `${translation.text}\n-# ${languageName(translation.from)} → ${languageName(translation.to)}`;
    }
    case 'transcribe': {
      const transcript = result as LaneResult<'transcribe'>;
      const language = transcript.language ? `, ${languageName(transcript.language)}` : '';
      const stopped = transcript.stopped ? ` (${transcript.stopped === 'timeout' ? 'stopped: took too long' : 'stopped'})` : '';
      return `${transcript.text || '(no speech detected)'}\n-# transcript of ${transcript.durationSec.toFixed(1)} s of audio${language}${stopped}`;
    }
    case 'generate': {
      const chat = result as LaneResult<'generate'>;
      const note = {
        stop: '',
        length: '\n-# (cut at the length limit)',
        cancelled: '\n-# (stopped)',
        timeout: '\n-# (stopped: took too long)',
      }[chat.finishReason];
      return `${chat.text || '…'}${note}`;
    }
  }
}

function formatFaq(result: LaneResult<'faq'>): string {
  if (result.kind === 'answer') return `${result.answer}\n-# FAQ: ${result.question}`;
  if (!result.suggestions.length) return "I don't know the answer to that, and nothing in the FAQ looks close.";
  const list = result.suggestions.map((suggestion) => `- ${suggestion.question}`).join('\n');
  return `I'm not sure I know the answer to that. Did you mean one of these?\n${list}`;
}

export function formatReply(reply: ReplyEnvelope): string {
  if (!reply.outcome.ok) return `⚠️ ${reply.outcome.error.message}`;
  return formatResult(reply.lane, reply.outcome.result as LaneResult<LaneName>);
}

export function formatHelp(enabled: readonly LaneName[]): string {
  const lines = COMMANDS.filter((command) => command.lane === null || enabled.includes(command.lane)).map(
    (command) => `${command.usage} — ${command.does}`,
  );
  return ['kotodama commands:', ...lines].join('\n');
}
