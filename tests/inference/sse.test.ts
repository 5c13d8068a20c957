/** The hand-written SSE parser: events split anywhere across chunks, every line ending, comments. */
import { describe, expect, it } from 'vitest';
import { SseParser } from '../../src/inference/sse.ts';

function parseInPieces(text: string, size: number): string[] {
  const parser = new SseParser();
  const bytes = new TextEncoder().encode(text);
  const data: string[] = [];
  for (let at = 0; at < bytes.length; at += size) data.push(...parser.push(bytes.slice(at, at + size)).map((e) => e.data));
  data.push(...parser.end().map((e) => e.data));
  return data;
}

describe('SseParser', () => {
  const stream = ': keep-alive\n\ndata: {"a":1}\n\ndata: 日本語\ndata: second line\n\nevent: ping\ndata:x\n\ndata: [DONE]\n\n';

  it('GIVEN a stream split at every possible byte size THEN the same events come out', () => {
    const expected = ['{"a":1}', '日本語\nsecond line', 'x', '[DONE]'];
    for (const size of [1, 2, 3, 7, 1000]) expect(parseInPieces(stream, size)).toEqual(expected);
  });

  it('GIVEN CRLF or CR line endings, even split between CR and LF THEN events are the same', () => {
    expect(parseInPieces(stream.replaceAll('\n', '\r\n'), 1)).toEqual(['{"a":1}', '日本語\nsecond line', 'x', '[DONE]']);
    expect(parseInPieces(stream.replaceAll('\n', '\r'), 5)).toEqual(['{"a":1}', '日本語\nsecond line', 'x', '[DONE]']);
  });

  it('GIVEN a named event THEN its name is kept', () => {
    const parser = new SseParser();
    expect(parser.push('event: error\ndata: boom\n\n')).toEqual([{ event: 'error', data: 'boom' }]);
  });

  it('GIVEN a server that closes without the final blank line THEN the last event is still delivered', () => {
    const parser = new SseParser();
    expect(parser.push('data: one\n\ndata: two')).toEqual([{ event: 'message', data: 'one' }]);
    expect(parser.end()).toEqual([{ event: 'message', data: 'two' }]);
  });
});
