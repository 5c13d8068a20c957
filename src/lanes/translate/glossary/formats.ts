/**
 * Glossary import and export in the FAQ's formats: YAML or JSON (a list of `{term, translations}`, or
 * `{ glossary: [...] }`) and CSV (`term,ja,en,...` with a header row naming the language columns). Every problem
 * is named with its line or entry, all at once.
 */
import { translateMessages as m } from '../messages.ts';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { UserError } from '../../../core/errors.ts';
import { CsvError, formatCsv, parseCsv } from '../../faq/csv.ts';
import { glossaryEntrySchema, termKey, type GlossaryEntry } from './entry.ts';

export type GlossaryFormat = 'yaml' | 'json' | 'csv';

export function parseGlossary(text: string, format: GlossaryFormat, name: string): GlossaryEntry[] {
  const { items, labels } = format === 'csv' ? fromCsv(text, name) : fromStructured(text, format, name);
  const problems: string[] = [];
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const label = labels[index] ?? `entry ${index + 1}`;
    const parsed = glossaryEntrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`${label}: ${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    const key = termKey(parsed.data.term);
    if (seen.has(key)) problems.push(`${label}: "${parsed.data.term}" appears twice`);
    seen.add(key);
    entries.push(parsed.data);
  });
  if (problems.length)
    throw new UserError(
      'bad_request',
      m.glossaryFileProblem(`${name}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`),
    );
  if (entries.length === 0) throw new UserError('bad_request', m.glossaryFileProblem(`${name}: no glossary terms found`));
  return entries;
}

export function exportGlossary(entries: readonly GlossaryEntry[], format: GlossaryFormat): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  if (format === 'yaml') return stringifyYaml(entries);
  const languages = [...new Set(entries.flatMap((entry) => Object.keys(entry.translations)))].sort();
  return formatCsv([
    ['term', ...languages],
    ...entries.map((entry) => [entry.term, ...languages.map((code) => entry.translations[code] ?? '')]),
  ]);
}

function fromStructured(text: string, format: 'yaml' | 'json', name: string): { items: unknown[]; labels: string[] } {
  let raw: unknown;
  try {
    raw = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch {
    throw new UserError('bad_request', m.glossaryFileProblem(`${name}: not valid ${format.toUpperCase()}`));
  }
  const list = Array.isArray(raw) ? raw : (raw as { glossary?: unknown } | null)?.glossary;
  return { items: Array.isArray(list) ? list : [], labels: [] };
}

function fromCsv(text: string, name: string): { items: unknown[]; labels: string[] } {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new UserError('bad_request', m.glossaryFileProblem(`${name}: ${error instanceof CsvError ? error.message : 'not valid CSV'}`));
  }
  const [header, ...body] = rows;
  if (!header || header.fields[0]?.trim().toLowerCase() !== 'term')
    throw new UserError('bad_request', m.glossaryFileProblem(`${name}: the first row must be a header: term,ja,en,...`));
  const codes = header.fields.slice(1).map((code) => code.trim().toLowerCase());
  return {
    items: body.map((row) => ({
      term: row.fields[0] ?? '',
      translations: Object.fromEntries(codes.flatMap((code, i) => (row.fields[i + 1]?.trim() ? [[code, row.fields[i + 1]?.trim()]] : []))),
    })),
    labels: body.map((row) => `line ${row.line}`),
  };
}
