/**
 * A small local HTTP server speaking the OpenAI chat-completions streaming protocol, scripted per test:
 * it records each request and answers with the SSE chunks, status or hang the test asks for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
}

export type Script = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A `data:` line carrying a content delta, as servers send them. */
export function chunk(content: string, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
}

/** Streams `pieces` (raw SSE text) with a pause between them, then ends the response. */
export function streamScript(pieces: readonly string[], pauseMs = 0): Script {
  return async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const piece of pieces) {
      response.write(piece);
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    response.end();
  };
}

export class FakeChatServer {
  readonly requests: RecordedRequest[] = [];
  script: Script = streamScript([chunk('hi'), 'data: [DONE]\n\n']);
  readonly #server: Server;
  readonly #open = new Set<ServerResponse>();

  constructor() {
    this.#server = createServer((request, response) => void this.#handle(request, response));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const piece of request) raw += (piece as Buffer).toString();
    const recorded = { path: request.url ?? '', headers: request.headers, body: JSON.parse(raw || '{}') as Record<string, unknown> };
    this.requests.push(recorded);
    this.#open.add(response);
    response.on('close', () => this.#open.delete(response));
    await this.script(recorded, response);
  }

  async close(): Promise<void> {
    for (const response of this.#open) response.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
