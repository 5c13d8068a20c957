/**
 * Fetches audio bytes for a job: inline bytes (local chat) or a URL on an allowed attachment host
 * (Discord's CDN by default). The size limit is checked before and while downloading, so a huge or
 * lying response never fills memory.
 */
import { audioErrors } from '../../audio/messages.ts';
import { UserError } from '../../core/errors.ts';
import type { AudioSource } from './schema.ts';

export interface FetchLimits {
  readonly maxBytes: number;
  /** `host` or `host:port` entries; plain http is allowed only for loopback hosts. */
  readonly allowedHosts: readonly string[];
  readonly timeoutMs?: number;
}

export async function fetchAudio(source: AudioSource, limits: FetchLimits, signal?: AbortSignal): Promise<Uint8Array> {
  if (source.kind === 'inline') {
    const bytes = Buffer.from(source.base64, 'base64');
    if (bytes.byteLength > limits.maxBytes) throw tooLarge(bytes.byteLength, limits.maxBytes);
    if (bytes.byteLength === 0) throw audioErrors.empty();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const url = checkUrl(source.url, limits.allowedHosts);
  if (source.size !== undefined && source.size > limits.maxBytes) throw tooLarge(source.size, limits.maxBytes);
  const timeout = AbortSignal.timeout(limits.timeoutMs ?? 60_000);
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'error' });
  } catch {
    throw new UserError('attachment_refused', 'I could not download that file (the link may have expired). Please send it again.');
  }
  if (!response.ok || !response.body) {
    throw new UserError('attachment_refused', `I could not download that file (HTTP ${response.status}). Please send it again.`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limits.maxBytes) {
    await response.body.cancel();
    throw tooLarge(declared, limits.maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > limits.maxBytes) throw tooLarge(total, limits.maxBytes);
    chunks.push(chunk);
  }
  if (total === 0) throw audioErrors.empty();
  return Buffer.concat(chunks);
}

/** Only the configured hosts, only https (http for loopback test servers). */
export function checkUrl(raw: string, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError('attachment_refused', 'That attachment link is not a valid URL.');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const allowed = allowedHosts.some((entry) => entry === url.host || (!entry.includes(':') && entry === url.hostname && url.port === ''));
  if (!allowed || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new UserError(
      'attachment_refused',
      `I only download attachments from Discord (${allowedHosts.join(', ')}), not from ${url.host}.`,
    );
  }
  return url;
}

function tooLarge(bytes: number, max: number): UserError {
  const mib = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MiB`;
  return new UserError('audio_too_large', `This file is ${mib(bytes)}; the limit here is ${mib(max)}.`);
}
