import { describe, expect, it } from 'vitest';
import { route } from '../../src/bot/router.ts';
import { UserError } from '../../src/core/errors.ts';

const refuse = (line: string) => {
  try {
    route(line, 100);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error(`expected "${line}" to be refused`);
};

describe('routing what a person typed', () => {
  it('GIVEN plain text THEN it goes to chat', () => {
    expect(route('hello there', 100)).toEqual({
      kind: 'lane',
      lane: 'generate',
      input: { messages: [{ role: 'user', content: 'hello there' }] },
    });
    expect(route('/chat  hi', 100)).toMatchObject({ lane: 'generate', input: { messages: [{ content: 'hi' }] } });
  });

  it('GIVEN /ask THEN the question goes to the FAQ lane', () => {
    expect(route('/ask how do I use this bot?', 100)).toEqual({ kind: 'lane', lane: 'faq', input: { question: 'how do I use this bot?' } });
  });

  it('GIVEN /translate with a code or a language name THEN the target is normalised', () => {
    expect(route('/translate ja good morning', 100)).toEqual({
      kind: 'lane',
      lane: 'translate',
      input: { text: 'good morning', to: 'ja' },
    });
    expect(route('/translate Japanese good  morning', 100)).toMatchObject({ input: { text: 'good  morning', to: 'ja' } });
  });

  it('GIVEN /transcribe THEN the file and optional language are kept', () => {
    expect(route('/transcribe clip.ogg ja', 100)).toEqual({ kind: 'audio', lane: 'transcribe', path: 'clip.ogg', language: 'ja' });
    expect(route('/help', 100)).toEqual({ kind: 'help' });
  });

  it('GIVEN bad arguments THEN the user gets a message saying what to type', () => {
    expect(refuse('/translate xx hello').code).toBe('unsupported_language');
    expect(refuse('/translate ja').message).toMatch(/Usage: \/translate <language> <text>/u);
    expect(refuse('/ask').message).toMatch(/Usage: \/ask/u);
    expect(refuse('/transcribe').message).toMatch(/Usage: \/transcribe/u);
    expect(refuse('/frobnicate now').message).toMatch(/Unknown command \/frobnicate.*\/ask/u);
    expect(refuse('x'.repeat(101)).code).toBe('too_long');
    expect(refuse('   ').code).toBe('bad_request');
  });
});
