/**
 * `.env` in the working directory, read by every entry point before its config: the README tells owners to put
 * `DISCORD_TOKEN` there. Variables already in the environment win over the file, so a shell export or a
 * compose `environment:` entry overrides it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

/**
 * Loads `file` (default `./.env`) into `env` (default `process.env`) without replacing set variables.
 * Uses Node's own parser (`process.loadEnvFile`, Node >= 20.12) when it can, the small one below otherwise.
 * @returns whether a file was read
 */
export function loadEnvFile(file = path.resolve('.env'), env: Env = process.env): boolean {
  if (!existsSync(file)) return false;
  if (env === process.env && typeof process.loadEnvFile === 'function') {
    process.loadEnvFile(file);
    return true;
  }
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) if (env[name] === undefined) env[name] = value;
  return true;
}

/** `NAME=value` lines: `#` comments, optional `export `, single or double quotes (double quotes read `\n`). */
export function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/u)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*)$/u.exec(raw);
    if (!match?.[1]) continue;
    let value = (match[2] ?? '').trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
      if (quote === '"') value = value.replace(/\\n/gu, '\n');
    } else {
      value = value.replace(/\s+#.*$/u, '');
    }
    out[match[1]] = value;
  }
  return out;
}
