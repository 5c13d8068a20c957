/**
 * FAQ import and export: YAML and JSON (a list of entries, or `{ entries: [...] }`) and CSV (`question,answer[,id]`,
 * one row per paraphrase). Every problem is reported with where it is and what to change, all at once.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { UserError } from '../../core/errors.ts';
import { faqMessages } from './messages.ts';
import { CsvError, decodeText, formatCsv, parseCsv, restoreFormulaCell } from './csv.ts';
import { faqEntrySchema, type FaqEntry } from './entry.ts';

export const FAQ_FORMATS = ['yaml', 'json', 'csv'] as const;
export type FaqFormat = (typeof FAQ_FORMATS)[number];

/** Problems listed in one error message; more are summarised as "and N more". */
const MAX_LISTED = 5;

export function formatFromName(name: string): FaqFormat {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  throw new UserError('bad_request', faqMessages.fileProblem(`${name}: use a .yaml, .yml, .json or .csv file`));
}

/**
 * Parses and validates a FAQ document; throws a UserError naming `name` and every problem. Give the file's bytes when
 * you have them: their encoding (UTF-8 with or without BOM, UTF-16, Shift_JIS from Excel) is detected here.
 */
export function parseFaqDocument(input: string | Uint8Array, format: FaqFormat, name: string): FaqEntry[] {
  const text = typeof input === 'string' ? input : fileText(input, name);
  const { raw, labels } = format === 'csv' ? fromCsv(text, name) : { raw: fromStructured(text, format, name), labels: undefined };
  const list: unknown[] = Array.isArray(raw) ? raw : [];
  if (list.length === 0) throw new UserError('bad_request', faqMessages.fileProblem(`${name}: no FAQ entries found`));
  const label = (index: number): string => {
    const id = (list[index] as { id?: unknown } | undefined)?.id;
    return labels?.[index] ?? `entry ${index + 1}${typeof id === 'string' ? ` ("${id}")` : ''}`;
  };
  const problems: string[] = [];
  const entries: FaqEntry[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((item, index) => {
    const parsed = faqEntrySchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${label(index)}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
      return;
    }
    const seen = firstIndex.get(parsed.data.id);
    if (seen !== undefined) problems.push(`${label(index)}: duplicate id "${parsed.data.id}" (already used by ${label(seen)})`);
    else firstIndex.set(parsed.data.id, index);
    entries.push(parsed.data);
  });
  if (problems.length) {
    const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : '';
    throw new UserError('bad_request', faqMessages.fileProblem(`${name}: ${problems.slice(0, MAX_LISTED).join('; ')}${more}`));
  }
  return entries;
}

function fileText(bytes: Uint8Array, name: string): string {
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (error instanceof CsvError) throw new UserError('bad_request', faqMessages.fileProblem(`${name}: ${error.message}`));
    throw error;
  }
}

function fromStructured(text: string, format: 'yaml' | 'json', name: string): unknown {
  let value: unknown;
  try {
    value = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UserError(
      'bad_request',
      faqMessages.fileProblem(`${name} is not valid ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`),
    );
  }
  const wrapped = z.object({ entries: z.array(z.unknown()) }).safeParse(value);
  if (wrapped.success) return wrapped.data.entries;
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value))
    throw new UserError('bad_request', faqMessages.fileProblem(`${name}: expected a list of entries (or "entries:" with a list)`));
  return value;
}

/** Header rows, in English or as a Japanese spreadsheet names its columns (ＩＤ is folded by NFKC). */
const CSV_HEADERS = new Set(['question,answer', 'question,answer,id', '質問,回答', '質問,回答,id', '質問,答え', '質問,答え,id']);

/**
 * CSV rows become entries: rows with the same id are paraphrases of one entry; rows without an id are grouped by
 * their answer (a spreadsheet lists each paraphrase with the same answer) and get an id made from the first question.
 */
function fromCsv(text: string, name: string): { raw: unknown[]; labels: string[] } {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new UserError('bad_request', faqMessages.fileProblem(`${name}: ${error.message}`));
    throw error;
  }
  const header = rows[0]?.fields.map((f) => f.normalize('NFKC').trim().toLowerCase()).join(',');
  if (header !== undefined && CSV_HEADERS.has(header)) rows = rows.slice(1);
  const groups = new Map<string, { id: string; questions: string[]; answer: string; line: number }>();
  const usedIds = new Set(rows.map((row) => row.fields[2]?.trim() ?? '').filter(Boolean));
  for (const { line, fields } of rows) {
    if (fields.length < 2 || fields.length > 3)
      throw new UserError(
        'bad_request',
        faqMessages.fileProblem(
          `${name}: line ${line}: expected question,answer[,id] but found ${fields.length} field${fields.length === 1 ? '' : 's'} (quote fields that contain commas)`,
        ),
      );
    const [question = '', answer = '', id = ''] = fields.map((f) => restoreFormulaCell(f.trim()));
    const key = id ? `id:${id}` : `answer:${answer}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { id: id || generatedId(question, answer, usedIds), questions: [question], answer, line });
    } else if (group.answer !== answer) {
      throw new UserError(
        'bad_request',
        faqMessages.fileProblem(`${name}: line ${line}: id "${id}" has a different answer than on line ${group.line}`),
      );
    } else {
      group.questions.push(question);
    }
  }
  const list = [...groups.values()];
  return {
    raw: list.map(({ id, questions, answer }) => ({ id, questions, answer })),
    labels: list.map((g) => `line ${g.line} ("${g.id}")`),
  };
}

function generatedId(question: string, answer: string, used: Set<string>): string {
  const slug = question
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 40)
    .replace(/-+$/u, '');
  const base = slug || `faq-${createHash('sha256').update(answer).digest('hex').slice(0, 8)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The entries as a file another kotodama (or a spreadsheet, for CSV) can import again. */
export function exportFaq(entries: readonly FaqEntry[], format: FaqFormat): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  if (format === 'yaml') return stringifyYaml(entries, { lineWidth: 0 });
  // CSV has no room for tags, lang or triggers: it carries what spreadsheets are used for.
  return formatCsv([['question', 'answer', 'id'], ...entries.flatMap((e) => e.questions.map((q) => [q, e.answer, e.id]))]);
}
