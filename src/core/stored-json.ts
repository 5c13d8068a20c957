/**
 * Reading JSON that this app stored in Redis. A stored value can still be wrong (an older version wrote it,
 * someone edited it by hand, a write was cut short), so parsing and validation are one step that never
 * throws: the caller skips the value and logs the reason instead of failing every reader.
 */
import type { z } from 'zod';

export type StoredParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** `raw` parsed as JSON and checked against `schema`; a problem is described in a short line for the log. */
export function parseStored<S extends z.ZodType>(schema: S, raw: string): StoredParse<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: `does not match the schema (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})`,
  };
}

/** The first characters of a corrupt value, enough to recognise it in the log without dumping it whole. */
export function preview(raw: string, max = 80): string {
  return raw.length > max ? `${raw.slice(0, max)}…` : raw;
}
