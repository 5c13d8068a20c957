/** Matches `/api/v10` paths against route patterns. */
import type { Route } from './types.ts';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Splits a raw path into percent-decoded segments (@discordjs/rest sends `/users/%40me`, `/messages/%40original`). */
export function decodeSegments(rawPath: string): string[] {
  return rawPath.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

function matchPath(pattern: string, got: readonly string[]): Record<string, string> | null {
  const want = pattern.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) {
      if (actual === '') return null;
      params[segment.slice(1)] = actual;
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

export class Router {
  constructor(private readonly routes: readonly Route[]) {}

  /** The matching route, `'method'` if only the method is wrong (405), or null (404). */
  match(method: string, rawPath: string): RouteMatch | 'method' | null {
    const path = decodeSegments(rawPath);
    let pathMatched = false;
    // Literal segments win over parameters (`/messages/@original` before `/messages/:messageId`): routes are
    // tried in the order they are declared, so modules declare the specific ones first.
    for (const route of this.routes) {
      const params = matchPath(route.path, path);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { route, params };
    }
    return pathMatched ? 'method' : null;
  }

  /** A stable per-route bucket id for `x-ratelimit-bucket`. */
  static bucket(route: Route): string {
    let hash = 0;
    for (const char of `${route.method} ${route.path}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return hash.toString(16).padStart(8, '0') + 'f4k3d1sc0rd';
  }
}
