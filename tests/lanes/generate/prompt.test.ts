/** Prompt building as pure functions: system prompt, FAQ grounding, context truncation, footers. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import type { ChatTurn } from '../../../src/inference/chat.ts';
import { estimateTokens } from '../../../src/inference/openai-chat.ts';
import { fitToContext, footer, ground, GROUNDING_INSTRUCTION, latestUserText, withSystem } from '../../../src/lanes/generate/prompt.ts';

const turn = (role: ChatTurn['role'], content: string): ChatTurn => ({ role, content });
const count = (messages: readonly ChatTurn[]) => Promise.resolve(estimateTokens(messages));

describe('chat prompt', () => {
  it('GIVEN a conversation without a system turn THEN the configured one goes first; a persona one is kept', () => {
    expect(withSystem([turn('user', 'hi')], 'be kind')).toEqual([turn('system', 'be kind'), turn('user', 'hi')]);
    expect(withSystem([turn('system', 'persona'), turn('user', 'hi')], 'be kind')[0]).toEqual(turn('system', 'persona'));
  });

  it('GIVEN FAQ entries THEN they join the system turn with the instruction to answer from them', () => {
    const grounded = ground(
      [turn('system', 'be kind'), turn('user', 'how?')],
      [{ id: 'a', question: 'How?', answer: 'Like this.', score: 0.5 }],
    );
    expect(grounded).toHaveLength(2);
    expect(grounded[0]?.content).toBe(`be kind\n\n${GROUNDING_INSTRUCTION}\n\n[1] Q: How?\nA: Like this.`);
    expect(ground([turn('user', 'x')], [])).toEqual([turn('user', 'x')]);
  });

  it('GIVEN a history longer than the budget THEN the oldest turns go first, system prompt and new message stay', async () => {
    const history = [
      turn('system', 'S'),
      ...Array.from({ length: 10 }, (_, i) => turn(i % 2 ? 'assistant' : 'user', `turn ${i} ${'x'.repeat(36)}`)),
      turn('user', 'latest'),
    ];
    const full = await count(history);
    const fitted = await fitToContext(history, count, full - 30);
    expect(fitted.messages[0]).toEqual(turn('system', 'S'));
    expect(fitted.messages.at(-1)).toEqual(turn('user', 'latest'));
    expect(fitted.messages[1]?.role).toBe('user');
    expect(fitted.dropped).toBe(2);
    expect(fitted.messages.slice(1, -1)).toEqual(history.slice(3, -1));
  });

  it('GIVEN a message that alone exceeds the budget THEN the user is told to shorten it', async () => {
    const error = await fitToContext([turn('system', 'S'), turn('user', 'y'.repeat(4000))], count, 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('too_long');
    expect((error as UserError).message).toMatch(/at most 100\. Please shorten it/u);
  });

  it('GIVEN sources and dropped turns THEN the footer names them on subtext lines', () => {
    expect(
      footer(
        [
          { id: 'a', question: 'How?', answer: '', score: 1 },
          { id: 'b', question: 'Why?', answer: '', score: 1 },
        ],
        0,
        'en',
      ),
    ).toBe('\n-# Sources: How? · Why?');
    expect(footer([], 3, 'en')).toBe('\n-# (3 older messages left out to fit my memory)');
    expect(footer([], 3, 'ja')).toBe('\n-# （記憶に収めるため、古いメッセージ3件を省きました）');
    expect(footer([], 0, 'en')).toBe('');
    expect(latestUserText([turn('user', 'a'), turn('assistant', 'b'), turn('user', 'c')])).toBe('c');
  });
});
