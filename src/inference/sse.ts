/**
 * A server-sent events parser (the WHATWG event-stream format) for streamed chat completions: bytes go in
 * as they arrive, complete events come out. Hand-written because it is small and the project takes no
 * dependency for it; only what chat servers use is kept (`data`, `event`, comments), `id`/`retry` are ignored.
 */

export interface SseEvent {
  /** `message` unless the server named it. */
  readonly event: string;
  /** The event's data lines joined with "\n". */
  readonly data: string;
}

export class SseParser {
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #data: string[] = [];
  #event = '';
  /** A chunk ended in "\r": a following "\n" belongs to the same line ending. */
  #skipLf = false;

  /** Feeds raw bytes (or text); returns the events they complete. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    if (this.#skipLf && text.startsWith('\n')) text = text.slice(1);
    this.#skipLf = false;
    this.#buffer += text;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/u.exec(this.#buffer);
      if (!match) break;
      // A lone "\r" at the very end may be the first half of "\r\n".
      if (match[0] === '\r' && match.index === this.#buffer.length - 1) this.#skipLf = true;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** Ends the stream: a last event without its blank line is still delivered (servers that close early). */
  end(): SseEvent[] {
    const rest = this.#buffer + this.#decoder.decode();
    this.#buffer = '';
    const events: SseEvent[] = [];
    if (rest) {
      const event = this.#line(rest);
      if (event) events.push(event);
    }
    const last = this.#line('');
    if (last) events.push(last);
    return events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') {
      if (!this.#data.length) {
        this.#event = '';
        return undefined;
      }
      const event = { event: this.#event || 'message', data: this.#data.join('\n') };
      this.#data = [];
      this.#event = '';
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    return undefined;
  }
}
