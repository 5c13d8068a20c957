/**
 * Fetches audio bytes for a job: inline bytes (local chat) or a URL on an allowed attachment host
 * (Discord's CDN by default). The size limit is checked before and while downloading (`fetchCapped`), so a
 * huge or lying response never fills memory.
 */
import { audioErrors } from '../../audio/errors.ts';
import { fetchCapped } from '../../core/http/fetch-capped.ts';
import type { AudioSource } from './schema.ts';

/** Kept here for the callers that import it from the lane; the policy itself lives in `core/http`. */
export { checkUrl } from '../../core/http/url-policy.ts';

export interface FetchLimits {
  readonly maxBytes: number;
  /** `host` or `host:port` entries; plain http is allowed only for loopback hosts. */
  readonly allowedHosts: readonly string[];
  readonly timeoutMs?: number;
}

export async function fetchAudio(source: AudioSource, limits: FetchLimits, signal?: AbortSignal): Promise<Uint8Array> {
  const bytes = source.kind === 'inline' ? decodeInline(source.base64, limits.maxBytes) : await download(source, limits, signal);
  if (bytes.byteLength === 0) throw audioErrors.empty();
  return bytes;
}

function decodeInline(base64: string, maxBytes: number): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength > maxBytes) throw audioErrors.tooLarge(bytes.byteLength, maxBytes);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function download(
  source: Extract<AudioSource, { kind: 'url' }>,
  limits: FetchLimits,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const pending = fetchCapped(source.url, {
    maxBytes: limits.maxBytes,
    allowedHosts: limits.allowedHosts,
    declaredBytes: source.size,
    timeoutMs: limits.timeoutMs,
    signal,
    tooLarge: (bytes, max) => (bytes === undefined ? audioErrors.tooLargeUnknown(max) : audioErrors.tooLarge(bytes, max)),
  });
  // An abort (cancel, lane timeout, shutdown) stops the download; the lane worker reads the signal's reason.
  return pending.catch((error: unknown) => {
    throw signal?.aborted ? audioErrors.cancelled() : error;
  });
}
