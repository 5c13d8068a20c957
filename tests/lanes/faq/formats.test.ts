/** FAQ import/export: each format in and out, and each kind of bad file with a message that says what to fix. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { formatCsv, parseCsv } from '../../../src/lanes/faq/csv.ts';
import { exportFaq, formatFromName, parseFaqDocument, type FaqFormat } from '../../../src/lanes/faq/formats.ts';
import { SMALL_FAQ } from './fixtures.ts';

function refusal(text: string, format: FaqFormat, name = `faq.${format}`): string {
  try {
    parseFaqDocument(text, format, name);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected the document to be refused');
}

describe('FAQ formats', () => {
  it.each(['yaml', 'json', 'csv'] as const)('GIVEN the FAQ exported as %s THEN importing it gives the same entries back', (format) => {
    const entries = SMALL_FAQ.map(({ lang: _lang, ...rest }) => rest);
    expect(parseFaqDocument(exportFaq(entries, format), format, `x.${format}`)).toEqual(entries);
  });

  it('GIVEN YAML with entries: and triggers THEN it is read as entries', () => {
    const yaml =
      'entries:\n  - id: rules\n    questions: [where are the rules]\n    answer: "#rules"\n    triggers: ["=rules", server rules]\n';
    expect(parseFaqDocument(yaml, 'yaml', 'f.yaml')).toEqual([
      { id: 'rules', questions: ['where are the rules'], answer: '#rules', triggers: ['=rules', 'server rules'] },
    ]);
  });

  it('GIVEN CSV with a header, quoted commas, quotes, line breaks and rows without ids THEN rows group into entries', () => {
    const csv =
      'question,answer,id\r\n"Where, exactly, is it?","Say ""hi""\nthen go",loc\nWhere is it?,"Say ""hi""\nthen go",loc\nHow do I pay?,With a card\nCan I pay cash?,With a card\n';
    expect(parseFaqDocument(csv, 'csv', 'f.csv')).toEqual([
      { id: 'loc', questions: ['Where, exactly, is it?', 'Where is it?'], answer: 'Say "hi"\nthen go' },
      { id: 'how-do-i-pay', questions: ['How do I pay?', 'Can I pay cash?'], answer: 'With a card' },
    ]);
  });

  it('GIVEN cells starting with = + - @ tab or CR THEN the CSV export neutralises them for spreadsheets and import restores them', () => {
    const entries = [
      { id: 'formula', questions: ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)'], answer: '=1+1' },
      { id: 'plain', questions: ['safe - question = fine'], answer: 'plain' },
    ];
    const csv = exportFaq(entries, 'csv');
    const cells = parseCsv(csv).flatMap((row) => row.fields);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/u);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain('safe - question = fine');
    expect(parseFaqDocument(csv, 'csv', 'x.csv')).toEqual(entries);
    // Tab and CR never survive the entry schema's trim, but a cell starting with one is neutralised all the same.
    expect(parseCsv(formatCsv([['\t=1+1', '\r=1+1']]))[0]?.fields).toEqual(["'\t=1+1", "'\r=1+1"]);
  });

  it('GIVEN a field with a comma, quote or surrounding space THEN it is quoted, and only then', () => {
    const csv = exportFaq([{ id: 'a', questions: ['plain', 'with, comma', ' padded'], answer: 'say "x"' }], 'csv');
    expect(csv).toBe('question,answer,id\r\nplain,"say ""x""",a\r\n"with, comma","say ""x""",a\r\n" padded","say ""x""",a\r\n');
    expect(parseCsv(csv).map((row) => row.fields)[3]).toEqual([' padded', 'say "x"', 'a']);
  });

  it.each([
    [
      'a duplicate id',
      '[{"id":"a","questions":["q"],"answer":"x"},{"id":"a","questions":["r"],"answer":"y"}]',
      'json',
      /entry 2 \("a"\): duplicate id "a" \(already used by entry 1/u,
    ],
    ['an empty answer', '- id: a\n  questions: [q]\n  answer: "  "\n', 'yaml', /entry 1 \("a"\): answer: the answer is empty/u],
    [
      'an answer too long for Discord',
      JSON.stringify([{ id: 'a', questions: ['q'], answer: 'x'.repeat(1901) }]),
      'json',
      /answer: the answer is too long for Discord \(at most 1900/u,
    ],
    ['no questions', '[{"id":"a","questions":[],"answer":"x"}]', 'json', /questions: give at least one question/u],
    ['a bad id', '[{"id":"a b","questions":["q"],"answer":"x"}]', 'json', /id: use letters, digits/u],
    ['an unknown field', '[{"id":"a","questions":["q"],"answer":"x","anwser":"y"}]', 'json', /anwser/u],
    ['broken JSON', '[{"id":', 'json', /faq\.json is not valid JSON/u],
    ['broken YAML', 'a: [b', 'yaml', /faq\.yaml is not valid YAML/u],
    ['a mapping instead of a list', 'id: a\n', 'yaml', /expected a list of entries/u],
    ['an empty file', '', 'yaml', /no FAQ entries found/u],
    ['a CSV row with one field', 'question,answer\nonly a question\n', 'csv', /line 2: expected question,answer\[,id\] but found 1 field/u],
    ['a CSV row with four fields', 'q,a,id,extra\n', 'csv', /line 1: expected .* found 4 fields \(quote fields that contain commas\)/u],
    ['an unclosed CSV quote', 'q,"never closed\n', 'csv', /line 1: a quoted field is never closed/u],
    ['text after a closing quote', '"q"x,a\n', 'csv', /line 1: text after a closing quote/u],
    ['one CSV id with two answers', 'q1,first,same\nq2,second,same\n', 'csv', /line 2: id "same" has a different answer than on line 1/u],
    ['an empty CSV answer', 'q1,,x\n', 'csv', /line 1 \("x"\): answer: the answer is empty/u],
  ] as const)('GIVEN %s THEN the import is refused with a message saying where', (_kind, text, format, message) => {
    expect(refusal(text, format)).toMatch(message);
  });

  it('GIVEN many problems THEN the first five are listed and the rest counted', () => {
    const bad = Array.from({ length: 8 }, (_, i) => ({ id: `e${i}`, questions: ['q'], answer: '' }));
    expect(refusal(JSON.stringify(bad), 'json')).toMatch(/entry 5 \("e4"\)[^;]*; and 3 more$/u);
  });

  it('GIVEN a file name THEN its extension picks the format, and an unknown one is refused', () => {
    expect(['a.YML', 'b.json', 'c.csv'].map(formatFromName)).toEqual(['yaml', 'json', 'csv']);
    expect(() => formatFromName('faq.txt')).toThrow(/use a \.yaml, \.yml, \.json or \.csv file/u);
  });
});

describe('FAQ file encodings', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/faq/${name}`, import.meta.url)));
  const utf8 = fixture('ja-excel.utf8.csv');
  const expected = [
    {
      id: 'get-role',
      questions: ['ロールはどうやってもらえますか？', 'メンバーロールが欲しい'],
      answer: '#roles で好きなロールを選んでください①',
    },
    { id: 'display', questions: ['ソフトの表示がおかしい'], answer: '設定→表示から「標準」に戻してください。直らなければ "再起動" を～' },
    { id: 'company', questions: ['髙橋さんの会社は？'], answer: '㈱ことだま です' },
  ];

  it('GIVEN a CSV saved by Excel on Japanese Windows (Shift_JIS, 質問,回答,ID header) THEN it reads like its UTF-8 original', () => {
    const sjis = fixture('ja-excel-sjis.csv');
    // Real Shift_JIS bytes: ソ is 0x83 0x5C, whose second byte is an ASCII backslash.
    expect(Buffer.from(sjis).includes(Buffer.from([0x83, 0x5c]))).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(sjis)).toThrow();
    expect(parseFaqDocument(sjis, 'csv', 'faq.csv')).toEqual(expected);
  });

  it('GIVEN the same CSV as UTF-8, with or without a byte order mark, or as UTF-16 THEN the same entries', () => {
    expect(parseFaqDocument(utf8, 'csv', 'faq.csv')).toEqual(expected);
    expect(parseFaqDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'csv', 'faq.csv')).toEqual(expected);
    const utf16 = Buffer.from(`\uFEFF${new TextDecoder().decode(utf8)}`, 'utf16le');
    expect(parseFaqDocument(new Uint8Array(utf16), 'csv', 'faq.csv')).toEqual(expected);
  });

  it('GIVEN bytes that are no text in any of these encodings THEN the import is refused, naming the file and the fix', () => {
    // "q,a" then 0x80 (no UTF-8 lead byte) and 0xA0, 0xFD (no Shift_JIS character starts with them).
    const bytes = new Uint8Array([0x71, 0x2c, 0x61, 0x0a, 0x80, 0xa0, 0xfd, 0x2c, 0x61]);
    expect(() => parseFaqDocument(bytes, 'csv', 'faq.csv')).toThrow(
      /faq\.csv: the file is neither UTF-8 nor Shift_JIS text; save it again as "CSV UTF-8"/u,
    );
  });

  it('GIVEN UTF-8 YAML bytes THEN they parse like the text', () => {
    const yaml = '- id: a\n  questions: [ロールは？]\n  answer: はい\n';
    expect(parseFaqDocument(new TextEncoder().encode(yaml), 'yaml', 'f.yaml')).toEqual(parseFaqDocument(yaml, 'yaml', 'f.yaml'));
  });
});
