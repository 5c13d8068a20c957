/**
 * URLs made safe for logs and messages: the user and password are replaced, and so are query values whose
 * names look like secrets (API keys, tokens, Discord's attachment signature `hm`). The host, port and path
 * stay, because they are what an operator needs to find the server that failed.
 */

const MASK = '***';

/** Query parameter names whose values are credentials or signatures. */
const SECRET_PARAM = /key|token|secret|pass|pwd|sig|auth|cred|^hm$/iu;

/** Anything that looks like an absolute URL inside free text (error messages, server replies). */
const URL_IN_TEXT = /\b[a-z][a-z\d+.-]*:\/\/[^\s"'<>`]*[^\s"'<>`.,;:!?)\]]/giu;

/** `url` without credentials or secret query values; text that is not a URL comes back as a placeholder. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(unparseable URL)';
  }
  if (parsed.username) parsed.username = MASK;
  if (parsed.password) parsed.password = MASK;
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, MASK);
  }
  return parsed.toString();
}

/** Every URL inside `text` redacted; a URL that does not parse loses whatever sits before an `@`. */
export function redactUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    const redacted = redactUrl(match);
    return redacted === '(unparseable URL)' ? match.replace(/\/\/[^/@]*@/u, `//${MASK}@`) : redacted;
  });
}

/**
 * A copy of `error` safe to log: message, stack and causes with their URLs redacted. Libraries quote the
 * URL they refused (undici does, with the password in it), so an error is not safe just because the
 * caller's own fields are.
 */
export function redactErrorUrls(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? redactUrlsIn(error) : error;
  const copy = new Error(redactUrlsIn(error.message));
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = redactUrlsIn(error.stack);
  if (error.cause !== undefined && depth < 5) copy.cause = redactErrorUrls(error.cause, depth + 1);
  return copy;
}
