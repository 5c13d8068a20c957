/**
 * Where the app downloads from: only the configured attachment hosts (Discord's CDN by default), only https
 * (plain http only for loopback test servers). Redirects are refused by the fetchers, so a URL that passes
 * here cannot bounce to the cloud metadata address or an internal host.
 */
import { coreMessages } from '../../i18n/messages.ts';
import { UserError } from '../errors.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `raw` as a URL when its host is allowed; otherwise a `UserError('attachment_refused')` naming the host.
 * An entry `host` allows that host on the default port; `host:port` allows exactly that port.
 */
export function checkUrl(raw: string, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError('attachment_refused', coreMessages.invalidUrl);
  }
  const allowed = allowedHosts.some((entry) => entry === url.host || (!entry.includes(':') && entry === url.hostname && url.port === ''));
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!allowed || !secure) {
    throw new UserError('attachment_refused', coreMessages.foreignHost(allowedHosts.join(', '), url.host));
  }
  return url;
}
