/** Chains: which step runs next, judged on the previous step's output. */
import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/lanes/chain.ts';

const steps = [
  { lane: 'faq', when: 'question' as const, quiet: true },
  { lane: 'generate', when: 'unanswered' as const },
  { lane: 'speak' },
];

describe('chain steps', () => {
  it('GIVEN a transcript that asks something THEN the FAQ runs next, with the rest after it', () => {
    expect(nextStep(steps, { text: 'how?', question: true })).toEqual({ step: steps[0], rest: steps.slice(1) });
  });

  it('GIVEN a statement THEN steps whose condition fails are skipped', () => {
    expect(nextStep(steps, { text: 'fine' })).toEqual({ step: steps[2], rest: [] });
  });

  it('GIVEN an answered or unanswered FAQ THEN chat runs only when it could not answer', () => {
    const after = steps.slice(1);
    expect(nextStep(after, { text: 'q', answered: false })?.step.lane).toBe('generate');
    expect(nextStep(after, { text: 'a', answered: true })?.step.lane).toBe('speak');
    expect(nextStep([{ lane: 'generate', when: 'unanswered' }], { text: 'a', answered: true })).toBeUndefined();
  });
});
