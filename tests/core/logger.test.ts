/** Log lines: pretty in a terminal, JSON otherwise, secrets and URL credentials redacted, content only at debug. */
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { content, createLogger, type LoggerOptions } from '../../src/core/logger.ts';

function capture(options: LoggerOptions): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ ...options, destination }), lines };
}

describe('createLogger', () => {
  it('GIVEN a terminal THEN each line reads as time, level, message and fields, with secrets redacted', () => {
    const { logger, lines } = capture({ tty: true, format: 'auto', level: 'info' });
    logger.info({ lane: 'faq', token: 'discord-token-123' }, 'job finished');
    expect(lines).toHaveLength(1);
    const [line = ''] = lines;
    expect(() => JSON.parse(line) as unknown).toThrow();
    expect(stripVTControlCharacters(line)).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(kotodama\): job finished \{.*"lane":"faq"/u);
    expect(line).not.toContain('discord-token-123');
  });

  it('GIVEN no terminal THEN lines are JSON with the same redaction', () => {
    const { logger, lines } = capture({ tty: false, format: 'auto' });
    logger.warn({ config: { discord: { token: 'discord-token-123' } }, apiKey: 'sk-1' }, 'started');
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 40, msg: 'started', apiKey: '[redacted]', name: 'kotodama' });
    expect(lines[0]).not.toMatch(/discord-token-123|sk-1/u);
  });

  it('GIVEN an explicit format THEN it wins over the terminal check', () => {
    const { logger, lines } = capture({ tty: true, format: 'json' });
    logger.info('hello');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ msg: 'hello' });
  });

  it('GIVEN an error that quotes a URL with a password THEN the logged error keeps the host but not the password', () => {
    const { logger, lines } = capture({ tty: false });
    logger.error({ err: new TypeError('cannot fetch http://bob:pw-991@10.0.0.5:8080/v1') }, 'failed');
    const entry = JSON.parse(lines[0] ?? '') as { err: { type: string; message: string; stack: string } };
    expect(entry.err).toMatchObject({ type: 'TypeError', message: 'cannot fetch http://***:***@10.0.0.5:8080/v1' });
    expect(lines[0]).not.toContain('pw-991');
  });
});

describe('content', () => {
  it('GIVEN info level THEN only the length of a member text is logged; at debug the text itself', () => {
    const info = capture({ tty: false, level: 'info' });
    info.logger.info({ ...content(info.logger, 'my secret question') }, 'asked');
    expect(JSON.parse(info.lines[0] ?? '')).toMatchObject({ contentChars: 18 });
    expect(info.lines[0]).not.toContain('secret');

    const debug = capture({ tty: false, level: 'debug' });
    debug.logger.info({ ...content(debug.logger, 'my secret question') }, 'asked');
    expect(JSON.parse(debug.lines[0] ?? '')).toMatchObject({ content: 'my secret question' });
  });
});
