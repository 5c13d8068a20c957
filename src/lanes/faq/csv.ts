/**
 * RFC 4180 CSV, the format spreadsheets export: fields separated by commas, quoted with `"` when they hold a comma,
 * a quote (doubled) or a line break. Hand-written because it is small and the project adds no dependencies.
 */

export class CsvError extends Error {}

/** The encodings a FAQ file is read in, in the order they are tried. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

/**
 * The text of a file, whatever a spreadsheet saved it as: UTF-8 with or without a byte order mark ("CSV UTF-8"),
 * UTF-16 with one ("Unicode text"), or Shift_JIS, which is what Excel on Japanese Windows writes for plain "CSV"
 * (WHATWG's Shift_JIS decoder is Windows-31J, with ① and ㈱). Decoding is strict: a file that is valid in none of them
 * is refused rather than imported with garbled characters.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = (...marks: number[]) => marks.every((mark, i) => bytes[i] === mark);
  const strict = (encoding: TextEncoding, skip = 0) =>
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  if (bom(0xef, 0xbb, 0xbf)) return { text: strict('utf-8', 3), encoding: 'utf-8' };
  if (bom(0xff, 0xfe)) return { text: strict('utf-16le', 2), encoding: 'utf-16le' };
  if (bom(0xfe, 0xff)) return { text: strict('utf-16be', 2), encoding: 'utf-16be' };
  // Japanese Shift_JIS text is almost never valid UTF-8 (its lead bytes 0x81-0x9F are UTF-8 continuation bytes), so
  // trying UTF-8 first cannot misread it.
  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    try {
      return { text: strict(encoding), encoding };
    } catch {
      // not this one
    }
  }
  throw new CsvError('the file is neither UTF-8 nor Shift_JIS text; save it again as "CSV UTF-8"');
}

export interface CsvRow {
  /** 1-based line where the row starts (for error messages). */
  readonly line: number;
  readonly fields: string[];
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const src = text.replace(/^\uFEFF/u, ''); // Excel writes a byte order mark
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        const next = src[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          throw new CsvError(`line ${line}: text after a closing quote (write "" for a quote inside a quoted field)`);
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(`line ${rowLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=HYPERLINK(…)` in a FAQ export would be a link
 * the admin did not write); OWASP's advice is to start such a cell with `'`, which shows it as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** A cell that `csvField` neutralised, as it reads back: the `'` goes, the text it protected stays. */
export function restoreFormulaCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One field, formula starts neutralised, quoted only when it must be (or when spaces at its ends would be lost). */
export function csvField(raw: string): string {
  const value = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]|^\s|\s$/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
