/**
 * HTTP basic auth for the queue dashboard, with credentials from the environment only. Both the user and
 * the password are compared in constant time over fixed-length digests, so neither their content nor their
 * length leaks through response timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopback } from './config.ts';

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The variables that hold the dashboard's credentials. */
export const ADMIN_USER_ENV = 'KOTODAMA_ADMIN_USER';
export const ADMIN_PASSWORD_ENV = 'KOTODAMA_ADMIN_PASSWORD';

/** Whether the dashboard may run, and with which credentials (none = open, loopback only). */
export type DashboardAccess =
  { readonly allowed: true; readonly credentials?: Credentials } | { readonly allowed: false; readonly reason: string };

/**
 * Decides the dashboard's access from the bind address and the environment: credentials when both are set;
 * open only on a loopback address; refused (with the reason to log) on any other address without them.
 */
export function dashboardAccess(host: string, env: Env): DashboardAccess {
  const user = env[ADMIN_USER_ENV] ?? '';
  const password = env[ADMIN_PASSWORD_ENV] ?? '';
  if (user && password) return { allowed: true, credentials: { user, password } };
  if (user || password)
    return {
      allowed: false,
      reason: `set both ${ADMIN_USER_ENV} and ${ADMIN_PASSWORD_ENV} (only one is set), or neither on a loopback address`,
    };
  if (isLoopback(host)) return { allowed: true };
  return {
    allowed: false,
    reason: `http.host is ${host}, which is not loopback, and ${ADMIN_USER_ENV}/${ADMIN_PASSWORD_ENV} are not set; set them, bind to 127.0.0.1, or turn the dashboard off (http.dashboard: false)`,
  };
}

/** Whether the request's `Authorization: Basic` header carries exactly these credentials. */
export function authorized(request: IncomingMessage, credentials: Credentials): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/iu.exec(header);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const user = colon >= 0 ? decoded.slice(0, colon) : '';
  const password = colon >= 0 ? decoded.slice(colon + 1) : '';
  // Both comparisons always run: no early exit that would tell a right user from a wrong one.
  const userOk = sameSecret(user, credentials.user);
  const passwordOk = sameSecret(password, credentials.password);
  return colon >= 0 && userOk && passwordOk;
}

/** Constant-time equality of two strings of any lengths (compared as SHA-256 digests). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
