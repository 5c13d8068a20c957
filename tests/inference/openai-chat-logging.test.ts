/**
 * Issue 13 row 15: a password inside `generate.openai.baseUrl` reached the log at warn, both in the logged
 * `baseUrl` and inside the fetch error's message (undici quotes the whole URL when it refuses credentials).
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { OpenAIChatProvider } from '../../src/inference/openai-chat.ts';

const PASSWORD = 'hunter2-pass-7731';
const request = { messages: [{ role: 'user' as const, content: 'hello' }], maxNewTokens: 8, temperature: 0, topP: 1 };

describe('OpenAI-compatible provider logging', () => {
  it('GIVEN a baseUrl with a user and password THEN the warning names the server but never the password', async () => {
    const logs: string[] = [];
    const logger = pino({ level: 'trace' }, { write: (line: string) => void logs.push(line) });
    const provider = new OpenAIChatProvider({ baseUrl: `http://admin:${PASSWORD}@127.0.0.1:9/v1`, model: 'm', logger });
    const error = await provider.stream(request, new AbortController().signal, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const text = logs.join('');
    expect(text).toContain('chat server unreachable');
    expect(text).toContain('127.0.0.1:9');
    expect(text).not.toContain(PASSWORD);
  });
});
