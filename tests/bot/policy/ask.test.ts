/** The answer policy: which lanes answer a question asked the natural way, per answer mode and lanes on. */
import { describe, expect, it } from 'vitest';
import { answerSteps } from '../../../src/bot/policy/ask.ts';
import { allSettings, resolved } from '../../../src/bot/policy/settings-registry.ts';
import { testConfig } from '../../helpers/env.ts';

const config = testConfig();
const request = {
  userId: 'u',
  guildId: '100000000000000001',
  channelId: 'c',
  isThread: false,
  turns: [{ role: 'user' as const, content: 'hi' }],
};

function settings(overrides: Record<string, unknown> = {}) {
  const values = new Map(allSettings().map((setting) => [setting.key, setting.defaultValue(config)]));
  for (const [key, value] of Object.entries(overrides)) values.set(key, value);
  return resolved(values);
}

describe('answer policy', () => {
  it('GIVEN the default faq-then-chat THEN the FAQ answers first, quietly, and chat only when it could not', () => {
    const steps = answerSteps(settings(), request, config);
    expect(steps.map((s) => [s.lane, s.when ?? 'always', s.quiet ?? false])).toEqual([
      ['faq', 'always', true],
      ['generate', 'unanswered', false],
    ]);
    // Chat gets the reply chain as its conversation.
    expect(steps[1]?.options?.messages).toEqual(request.turns);
  });

  it('GIVEN faq-only, chat-only, or a lane turned off THEN only the lane that may answer does', () => {
    expect(answerSteps(settings({ answerMode: 'faq-only' }), request, config).map((s) => s.lane)).toEqual(['faq']);
    expect(answerSteps(settings({ answerMode: 'chat-only' }), request, config).map((s) => s.lane)).toEqual(['generate']);
    expect(answerSteps(settings({ lanes: ['faq', 'translate'] }), request, config)).toEqual([
      { lane: 'faq', options: { via: 'question' } },
    ]);
    expect(answerSteps(settings({ lanes: ['generate'] }), request, config).map((s) => s.lane)).toEqual(['generate']);
    expect(answerSteps(settings({ lanes: ['translate'] }), request, config)).toEqual([]);
  });

  it('GIVEN chat turned off in the config THEN the FAQ answers alone, not quietly', () => {
    const noChat = testConfig({ lanes: { generate: { enabled: false } } });
    expect(answerSteps(settings(), request, noChat)).toEqual([{ lane: 'faq', options: { via: 'question' } }]);
  });

  it('GIVEN a spoken question THEN the answer is read back only where voiceReplies is on, shown as text after a quiet step', () => {
    const plain = answerSteps(settings(), request, config, true);
    expect(plain.map((s) => s.lane)).toEqual(['faq', 'generate']);
    const spoken = answerSteps(settings({ voiceReplies: true }), request, config, true);
    expect(spoken.map((s) => [s.lane, s.when ?? 'always', s.options?.show])).toEqual([
      ['faq', 'always', undefined],
      ['speak', 'answered', 'text'],
      ['generate', 'unanswered', undefined],
      ['speak', 'answered', 'none'],
    ]);
    // A typed question is never read back, and neither where the speech lane is off.
    expect(answerSteps(settings({ voiceReplies: true }), request, config).map((s) => s.lane)).toEqual(['faq', 'generate']);
    expect(answerSteps(settings({ voiceReplies: true, lanes: ['faq', 'generate'] }), request, config, true).map((s) => s.lane)).toEqual([
      'faq',
      'generate',
    ]);
  });
});
