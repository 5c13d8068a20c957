/**
 * One message catalogue in English and Japanese: every text in every `messages.ts` has both languages, and no
 * member-visible text is written outside a catalogue (checked over the source).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/index.ts';

function files(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, match) : match(full) ? [full] : [];
  });
}

const src = path.join(PROJECT_ROOT, 'src');
const catalogues = files(src, (file) => file.endsWith(`${path.sep}messages.ts`) || file.endsWith(`${path.sep}audio${path.sep}errors.ts`));

/** Every text of a catalogue; functions are called with placeholder arguments. */
function texts(value: unknown, where: string): { where: string; en: unknown; ja: unknown }[] {
  if (typeof value === 'function') {
    // A string that is also a LocalText: parameters are strings, numbers or LocalTexts.
    const args = Array.from({ length: value.length }, () => Object.assign(new String('1'), { en: 'X', ja: 'X' }));
    return texts((value as (...a: unknown[]) => unknown)(...args), `${where}()`);
  }
  if (value instanceof Error && 'text' in value) return texts(value.text, where);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('en' in record || 'ja' in record) return [{ where, en: record.en, ja: record.ja }];
    return Object.entries(record).flatMap(([key, child]) => texts(child, `${where}.${key}`));
  }
  return [{ where, en: undefined, ja: undefined }];
}

describe('message catalogue', () => {
  it('GIVEN every catalogue THEN each text has an English and a Japanese version', async () => {
    expect(catalogues.length).toBeGreaterThan(5);
    const incomplete: string[] = [];
    for (const file of catalogues) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, catalogue] of Object.entries(module)) {
        for (const text of texts(catalogue, `${path.relative(src, file)}:${name}`)) {
          if (typeof text.en !== 'string' || typeof text.ja !== 'string' || !text.en.trim() || !text.ja.trim()) incomplete.push(text.where);
        }
      }
    }
    expect(incomplete).toEqual([]);
  });

  it('GIVEN the source outside catalogues THEN no member-visible text is written there', () => {
    const rules: { name: string; pattern: RegExp }[] = [
      { name: 'UserError with literal text', pattern: /new UserError\(\s*'[a-z_]+',\s*['"`][^'"`]*[A-Za-z\u3040-\u30ff\u4e00-\u9fff]/u },
      { name: 'literal message content', pattern: /\bcontent:\s*['"`][^'"`$]*[A-Za-z\u3040-\u30ff\u4e00-\u9fff]/u },
      { name: 'literal command description', pattern: /\.setDescription\(\s*['"`]/u },
      { name: 'literal button label', pattern: /\.setLabel\(\s*['"`][^'"`]*[A-Za-z\u3040-\u30ff\u4e00-\u9fff]/u },
    ];
    const found: string[] = [];
    for (const file of files(src, (f) => f.endsWith('.ts') && !f.endsWith(`${path.sep}messages.ts`))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const rule of rules)
            if (rule.pattern.test(line)) found.push(`${rule.name}: ${path.relative(src, file)}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
