/**
 * The README is the user's reference: every configuration key kotodama reads (the defaults, fully expanded) and
 * every environment variable in `.env.example` is named there, so a key added without documentation fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../src/config/index.ts';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

/** Dotted paths of every leaf (a scalar, an array, an empty or free-form record) of a config tree. */
function leaves(value: unknown, prefix: string): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

/** `lanes.faq.timeoutSec` is documented once for every lane as `lanes.<lane>.timeoutSec`. */
function documentedAs(key: string): string {
  return key.replace(/^lanes\.[^.]+\./u, 'lanes.<lane>.');
}

describe('README', () => {
  it('GIVEN the default configuration THEN every key is documented in the README', () => {
    const config = loadConfig({ env: {} });
    const keys = [...new Set(leaves(config, '').map(documentedAs))];
    expect(keys.length).toBeGreaterThan(60);
    // A record documented as a whole (`speak.languages`, `translate.pairs`) covers its entries.
    const documented = (key: string) =>
      key
        .split('.')
        .map((_, index, parts) => parts.slice(0, index + 1).join('.'))
        .some((prefix, index) => index > 0 && readme.includes(`\`${prefix}\``));
    const missing = keys.filter((key) => !documented(key));
    expect(missing).toEqual([]);
  });

  it('GIVEN .env.example THEN every variable it lists is documented in the README', () => {
    const example = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
    const names = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gmu)].map((match) => match[1] ?? '');
    expect(names).toEqual(expect.arrayContaining(['DISCORD_TOKEN', 'REDIS_URL', 'KOTODAMA_HTTP_PORT']));
    expect(names.filter((name) => !readme.includes(name))).toEqual([]);
  });
});
