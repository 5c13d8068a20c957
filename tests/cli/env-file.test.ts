/** `.env`: parsed like Node's parser, the environment wins, and `.env.example` lists every variable the code reads. */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { loadEnvFile, parseEnv } from '../../src/core/env-file.ts';

/** Variables the operating system sets, read but never configured by an owner. */
const SYSTEM = new Set(['PATH', 'USER', 'HOME']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** Every environment variable name the code reads, found the ways the code reads them. */
function variablesTheCodeReads(): Set<string> {
  const names = new Set<string>();
  const patterns = [
    /\benv\??\.([A-Z][A-Z0-9_]+)\b/gu, // process.env.X, env.X, env?.X
    /\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/gu, // env['X']
    /nonEmpty\('([A-Z][A-Z0-9_]+)'\)/gu, // the config loader's helper
    /_ENV = '([A-Z][A-Z0-9_]+)'/gu, // named constants (ADMIN_USER_ENV = '…')
  ];
  for (const file of sourceFiles(path.join(PROJECT_ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1] ?? '');
  }
  // Variables named in config (apiKeyEnv) and in docker-compose.yml's substitutions.
  const yaml = readFileSync(path.join(PROJECT_ROOT, 'config/default.yaml'), 'utf8');
  for (const match of yaml.matchAll(/apiKeyEnv:\s*([A-Z][A-Z0-9_]+)/gu)) names.add(match[1] ?? '');
  const compose = readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
  for (const match of compose.matchAll(/\$\{([A-Z][A-Z0-9_]+)/gu)) names.add(match[1] ?? '');
  for (const name of SYSTEM) names.delete(name);
  return names;
}

describe('.env', () => {
  it('GIVEN the source THEN .env.example lists every variable it reads (set or commented out)', () => {
    const example = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gmu)].map((match) => match[1]));
    const read = variablesTheCodeReads();
    // The scan itself must find the variables we know about, or it would pass on an empty set.
    for (const known of [
      'DISCORD_TOKEN',
      'REDIS_URL',
      'KOTODAMA_HTTP_PORT',
      'KOTODAMA_ADMIN_USER',
      'OPENAI_API_KEY',
      'KOTODAMA_LOG_FORMAT',
    ])
      expect(read).toContain(known);
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
  });

  it('GIVEN comments, export, quotes and inline comments THEN parseEnv reads the values', () => {
    const parsed = parseEnv(
      '# comment\nexport A=1\nB = "two words" # note\nC=\'single # kept\'\nD=plain # dropped\nE=\nF="line\\nbreak"\nnot a line\n',
    );
    expect(parsed).toEqual({ A: '1', B: 'two words', C: 'single # kept', D: 'plain', E: '', F: 'line\nbreak' });
  });

  it('GIVEN a variable set in the environment and in the file THEN the environment wins; missing ones are added', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'DISCORD_TOKEN=from-file\nLOG_LEVEL=debug\n');
    const env: Record<string, string | undefined> = { DISCORD_TOKEN: 'from-env' };
    expect(loadEnvFile(file, env)).toBe(true);
    expect(env).toEqual({ DISCORD_TOKEN: 'from-env', LOG_LEVEL: 'debug' });
    expect(loadEnvFile(path.join(dir, 'missing.env'), env)).toBe(false);
  });
});
