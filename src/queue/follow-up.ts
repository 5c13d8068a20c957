/** Chained steps: the text a finished step produced becomes the next lane's input. */
import type { LaneInput, LaneName, LaneResult } from '../lanes/registry.ts';
import type { FollowUp } from './envelope.ts';

/** The text a lane's result carries forward. */
export function resultText(lane: LaneName, result: LaneResult<LaneName>): string {
  if (lane === 'faq') {
    const faq = result as LaneResult<'faq'>;
    return faq.kind === 'answer' ? faq.answer : '';
  }
  return (result as { text: string }).text;
}

export function followUpInput(next: FollowUp, from: LaneName, result: LaneResult<LaneName>): LaneInput<FollowUp['lane']> {
  const text = resultText(from, result);
  switch (next.lane) {
    case 'faq':
      return { question: text };
    case 'translate':
      return { text, to: next.to };
    case 'generate':
      return { messages: [{ role: 'user', content: text }] };
  }
}
