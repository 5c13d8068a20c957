/** The HTTP side: `/api/v10/*` REST with auth, rate-limit headers and a request log; `/attachments/*` files. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveFile } from './rest/attachments.ts';
import { parseBody, readRaw } from './rest/body.ts';
import { channelRoutes } from './rest/channels.ts';
import { commandRoutes } from './rest/commands.ts';
import { DiscordHttpError, Errors } from './rest/errors.ts';
import { interactionRoutes } from './rest/interactions.ts';
import { miscRoutes } from './rest/misc.ts';
import { webhookRoutes } from './rest/webhooks.ts';
import { decodeSegments, Router } from './rest/router.ts';
import type { RestContext, ServerEvents, ServerSettings } from './rest/types.ts';
import type { DiscordState, RequestLogEntry } from './state.ts';

const API_PREFIX = '/api/v10';

/** A failure the next matching request(s) get instead of the real answer. */
export interface InjectedFailure {
  method?: string;
  /** Matched against the route path after `/api/v10` (string: exact prefix). */
  route: string | RegExp;
  status: number;
  code?: number;
  message?: string;
  /** For 429: seconds in `retry-after` and the body's `retry_after`. */
  retryAfter?: number;
  /** How many requests fail (default 1). */
  times?: number;
}

export class RestServer {
  // Channel webhooks before interaction webhooks: both live under /webhooks/{id}/{token} (see rest/webhooks.ts).
  private readonly router = new Router([...miscRoutes, ...channelRoutes, ...webhookRoutes, ...interactionRoutes, ...commandRoutes]);
  readonly failures: InjectedFailure[] = [];
  private seq = 0;

  constructor(
    private readonly state: DiscordState,
    private readonly settings: ServerSettings,
    private readonly events: ServerEvents,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (key !== 'authorization' && value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      at: Date.now(),
      method,
      path: url.pathname,
      route: decodeSegments(url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : url.pathname).join('/'),
      query: Object.fromEntries(url.searchParams),
      headers,
      authorized: req.headers.authorization === `Bot ${this.settings.token}`,
      body: null,
      files: [],
      matched: false,
      status: 0,
      response: null,
    };

    if (url.pathname.startsWith('/attachments/')) {
      entry.matched = true;
      entry.status = serveFile(this.state, req, res, url.pathname);
      this.log(entry);
      return;
    }

    let status = 500;
    let body: unknown = { message: '500: Internal Server Error', code: 0 };
    const extraHeaders: Record<string, string> = {};
    try {
      const raw = await readRaw(req);
      const parsed = await parseBody(raw, req.headers['content-type']);
      entry.body = parsed.body;
      entry.files = parsed.files.map((f) => ({
        field: f.field,
        name: f.name,
        size: f.bytes.length,
        contentType: f.contentType,
        bytes: f.bytes,
      }));
      if (!url.pathname.startsWith(`${API_PREFIX}/`)) throw Errors.notFound();
      const match = this.router.match(method, url.pathname.slice(API_PREFIX.length));
      if (match === null) throw Errors.notFound();
      if (match === 'method') throw Errors.methodNotAllowed();
      entry.matched = true;
      Object.assign(extraHeaders, this.rateLimitHeaders(Router.bucket(match.route)));
      if (match.route.auth && !entry.authorized) throw Errors.unauthorized();
      this.injectedFailure(method, entry.route, extraHeaders);
      const ctx: RestContext = {
        state: this.state,
        events: this.events,
        settings: this.settings,
        params: match.params,
        query: url.searchParams,
        body: parsed.body,
        files: parsed.files,
      };
      const result = await match.route.handler(ctx);
      status = result.status;
      body = result.body;
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        status = error.status;
        body = error.body;
      } else {
        console.error('[fake-discord] handler error', error);
      }
    }
    entry.status = status;
    entry.response = body ?? null;
    this.log(entry);
    if (status === 204 || body === undefined) {
      res.writeHead(status, extraHeaders).end();
    } else {
      res.writeHead(status, { ...extraHeaders, 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
  }

  private log(entry: RequestLogEntry): void {
    this.state.requests.push(entry);
    this.state.changed();
  }

  /** Generous limits: the bucket never runs dry, so discord.js never waits. */
  private rateLimitHeaders(bucket: string): Record<string, string> {
    return {
      'x-ratelimit-bucket': bucket,
      'x-ratelimit-limit': '50',
      'x-ratelimit-remaining': '49',
      'x-ratelimit-reset': (Date.now() / 1000 + 1).toFixed(3),
      'x-ratelimit-reset-after': '1.000',
      via: '1.1 google',
    };
  }

  private injectedFailure(method: string, route: string, headers: Record<string, string>): void {
    const index = this.failures.findIndex(
      (f) =>
        (!f.method || f.method.toUpperCase() === method) && (typeof f.route === 'string' ? route.startsWith(f.route) : f.route.test(route)),
    );
    const failure = this.failures[index];
    if (!failure) return;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) this.failures.splice(index, 1);
    if (failure.status === 429) {
      const retryAfter = failure.retryAfter ?? 0.05;
      Object.assign(headers, { 'retry-after': String(retryAfter), 'x-ratelimit-remaining': '0', 'x-ratelimit-scope': 'user' });
      throw new DiscordHttpError(429, 0, 'You are being rate limited.', undefined, { retry_after: retryAfter, global: false });
    }
    throw new DiscordHttpError(failure.status, failure.code ?? 0, failure.message ?? `${failure.status}: Injected failure`);
  }
}
