/**
 * Downloads with a hard size cap, for anything a member can point the app at (audio attachments, FAQ
 * imports). The cap holds against a server that lies: a declared size (Discord's attachment size or the
 * Content-Length) over the cap is refused before reading, and the body is counted while it streams, after
 * decompression, so no more than the cap plus one chunk is ever held in memory.
 */
import { coreMessages } from '../../i18n/messages.ts';
import type { LocalText } from '../../i18n/text.ts';
import { UserError } from '../errors.ts';
import { checkUrl } from './url-policy.ts';

export interface CappedFetchOptions {
  /** Largest body accepted, in bytes (after any content decoding). */
  readonly maxBytes: number;
  /** `host` or `host:port` entries the URL must match (see `checkUrl`). */
  readonly allowedHosts: readonly string[];
  /** The size announced before the download (e.g. Discord's `attachment.size`); over the cap, nothing is fetched. */
  readonly declaredBytes?: number | undefined;
  /** Whole download, headers to last byte. @defaultValue 60 000 */
  readonly timeoutMs?: number | undefined;
  /** Aborts the download (job cancelled, worker shutting down); its reason is rethrown as it is. */
  readonly signal?: AbortSignal | undefined;
  /** The error for a body over the cap: `bytes` is the declared size, or `undefined` when the stream ran past the cap. */
  readonly tooLarge: (bytes: number | undefined, maxBytes: number) => Error;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** The body of `url`, at most `maxBytes` long; every refusal is a `UserError` (or the caller's `tooLarge`). */
export async function fetchCapped(url: string, options: CappedFetchOptions): Promise<Uint8Array> {
  const { maxBytes, tooLarge } = options;
  const target = checkUrl(url, options.allowedHosts);
  if (options.declaredBytes !== undefined && options.declaredBytes > maxBytes) throw tooLarge(options.declaredBytes, maxBytes);
  // Our own controller, so that leaving early closes the connection instead of draining the rest of the body.
  const stop = new AbortController();
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = AbortSignal.any([stop.signal, timeout, ...(options.signal ? [options.signal] : [])]);
  try {
    const response = await fetch(target, { signal, redirect: 'error' }).catch(() => {
      throw refused(coreMessages.downloadFailed(null));
    });
    if (!response.ok || !response.body) throw refused(coreMessages.downloadFailed(response.status));
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    // A compressed body's length says nothing about what it inflates to: only an identity length is a size.
    if (!response.headers.has('content-encoding') && declared > maxBytes) throw new CapError(tooLarge(declared, maxBytes));
    return await readCapped(response.body, maxBytes, () => tooLarge(undefined, maxBytes));
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof CapError) throw error.cause;
    if (error instanceof UserError) throw error;
    if (timeout.aborted) throw refused(coreMessages.downloadTooSlow);
    throw refused(coreMessages.downloadBrokeOff);
  } finally {
    stop.abort();
  }
}

function refused(message: LocalText): UserError {
  return new UserError('attachment_refused', message);
}

/** Carries the caller's `tooLarge` error (of any class) past the generic "broke off" mapping. */
class CapError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/** Reads a body to its end, failing as soon as it passes `maxBytes`. */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) throw new CapError(tooLarge());
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
