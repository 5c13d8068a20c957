/**
 * A local HTTP server that lies about what it sends, for download-cap tests. It produces its bodies lazily
 * (never holding them in memory) and counts the bytes the socket accepted, so a test can prove a client
 * stopped reading long before the end.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

export const MiB = 1024 * 1024;

export interface Served {
  path: string;
  /** Body bytes the socket accepted before the response ended or the client went away. */
  written: number;
  /** Whether the whole body was sent. */
  finished: boolean;
  /** Whether the connection is over (finished or dropped by the client). */
  closed: boolean;
}

type Route = (res: ServerResponse, served: Served) => Promise<void> | void;

export class LyingServer {
  readonly served: Served[] = [];
  readonly #routes = new Map<string, Route>();
  #server: Server | undefined;
  host = '';

  route(path: string, handler: Route): this {
    this.#routes.set(path, handler);
    return this;
  }

  async start(): Promise<void> {
    this.#server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const served: Served = { path: req.url ?? '', written: 0, finished: false, closed: false };
      this.served.push(served);
      res.on('close', () => void (served.closed = true));
      const handler = this.#routes.get(req.url ?? '');
      if (!handler) return void res.writeHead(404).end('no such file');
      void Promise.resolve(handler(res, served)).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.host = `127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `http://${this.host}${path}`;
  }

  close(): Promise<void> {
    this.#server?.closeAllConnections();
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

/** Writes `total` bytes in 64 KiB chunks, waiting for the socket to drain; stops when the client leaves. */
export async function stream(res: ServerResponse, served: Served, total: number, sink: NodeJS.WritableStream = res): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let gone = false;
  res.on('close', () => void (gone = true));
  while (served.written < total && !gone) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - served.written));
    served.written += piece.length;
    if (!sink.write(piece)) await drainedOrClosed(sink, res);
  }
  if (!gone) {
    sink.end();
    served.finished = true;
  }
}

/** A gzip body that inflates to `total` bytes; `served.written` counts inflated bytes produced. */
export async function gzipBomb(res: ServerResponse, served: Served, total: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': 'gzip' });
  const gzip = createGzip();
  gzip.pipe(res);
  await stream(res, served, total, gzip);
}

/** Resolves when `sink` can take more, or when the client has gone. */
function drainedOrClosed(sink: NodeJS.WritableStream, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      sink.off('drain', done);
      res.off('close', done);
      resolve();
    };
    sink.once('drain', done);
    res.once('close', done);
  });
}
