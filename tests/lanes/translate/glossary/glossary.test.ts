/** Server glossaries: Redis store (real Redis), applying through placeholders, import/export, the command core. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { UserError } from '../../../../src/core/errors.ts';
import { translateMessage } from '../../../../src/lanes/translate/engine.ts';
import { glossarySpans } from '../../../../src/lanes/translate/glossary/apply.ts';
import { runGlossaryCommand } from '../../../../src/lanes/translate/glossary/command.ts';
import { exportGlossary, parseGlossary } from '../../../../src/lanes/translate/glossary/formats.ts';
import { GlossaryStore } from '../../../../src/lanes/translate/glossary/store.ts';
import { cleanupRedis, testConfig } from '../../../helpers/env.ts';
import { fakeProvider, language, upper } from '../fake-providers.ts';

const config = testConfig();
const redis = new Redis(config.redis.url);
const logs: string[] = [];
const store = new GlossaryStore({
  redis,
  prefix: config.redis.prefix,
  maxTerms: 3,
  logger: pino({ level: 'warn' }, { write: (line: string) => void logs.push(line) }),
});
afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
});

describe('glossary store', () => {
  it('GIVEN terms added, replaced and removed THEN the list follows, sorted, per server', async () => {
    await store.add('g1', { term: 'Kotodama' });
    await store.add('g1', { term: 'FAQ', translations: { ja: 'よくある質問' } });
    await store.add('g1', { term: 'kotodama', translations: { ja: '言霊' } });
    expect(await store.list('g1')).toEqual([
      { term: 'FAQ', translations: { ja: 'よくある質問' } },
      { term: 'kotodama', translations: { ja: '言霊' } },
    ]);
    expect(await store.list('g2')).toEqual([]);
    expect(await store.remove('g1', 'faq')).toBe(true);
    expect(await store.remove('g1', 'faq')).toBe(false);
  });

  it('GIVEN a corrupt value in Redis THEN it is skipped and logged, and the rest still loads', async () => {
    await store.add('g3', { term: 'good' });
    await redis.hset(store.key('g3'), 'broken', '{"term": ""}', 'notjson', '{{{');
    expect(await store.list('g3')).toEqual([{ term: 'good', translations: {} }]);
    expect(logs.filter((line) => line.includes('skipped a corrupt glossary entry'))).toHaveLength(2);
  });

  it('GIVEN a full glossary or an invalid term THEN the admin is told why', async () => {
    for (const term of ['a1', 'a2', 'a3']) await store.add('g4', { term });
    await expect(store.add('g4', { term: 'a4' })).rejects.toThrow(/full \(3 terms\)/u);
    await expect(store.add('g4', { term: ' ' })).rejects.toBeInstanceOf(UserError);
    await expect(store.add('g4', { term: 'x', translations: { japanese: 'y' } })).rejects.toThrow(/language code/u);
  });
});

describe('glossary applied through placeholders', () => {
  const entries = [
    { term: 'Kotodama', translations: {} },
    { term: 'FAQ', translations: { ja: 'よくある質問' } },
    { term: 'AI', translations: {} },
  ];

  it('GIVEN terms in a message THEN never-translated ones stay and fixed ones take the target form, whole words only', async () => {
    const provider = fakeProvider(upper);
    const result = await translateMessage('kotodama answers the faq, said the AI', {
      provider,
      pair: { from: language('en'), to: language('ja') },
      chunkTokens: 60,
      extraSpans: glossarySpans(entries, 'ja'),
    });
    expect(provider.batches).toEqual([['{1} answers the {2}, said the {3}']]);
    expect(result.text).toBe('Kotodama ANSWERS THE よくある質問, SAID THE AI');
  });

  it('GIVEN the fixed form in the source language THEN it is written as the term in the target language', async () => {
    const result = await translateMessage('よくある質問を読んでください', {
      provider: fakeProvider(upper),
      pair: { from: language('ja'), to: language('en') },
      chunkTokens: 60,
      extraSpans: glossarySpans(entries, 'en'),
    });
    expect(result.text).toBe('FAQを読んでください');
  });
});

describe('glossary files and the command', () => {
  it('GIVEN CSV, YAML and JSON THEN they round-trip, and errors name their lines', () => {
    const csv = 'term,ja,en\nKotodama,,\nFAQ,よくある質問,\n';
    const entries = parseGlossary(csv, 'csv', 'g.csv');
    expect(entries).toEqual([
      { term: 'Kotodama', translations: {} },
      { term: 'FAQ', translations: { ja: 'よくある質問' } },
    ]);
    for (const format of ['csv', 'yaml', 'json'] as const)
      expect(parseGlossary(exportGlossary(entries, format), format, `g.${format}`)).toEqual(entries);
    expect(() => parseGlossary('term,ja\n,x\nA,\nA,', 'csv', 'bad.csv')).toThrow(/bad\.csv: line 2: term: .*; line 4: "A" appears twice/u);
    expect(() => parseGlossary('ja,en\n', 'csv', 'h.csv')).toThrow(/header/u);
  });

  it('GIVEN add, list, export, import and remove THEN each answers the admin and changes Redis', async () => {
    const services = { glossary: store };
    expect((await runGlossaryCommand('g5', { sub: 'list' }, services)).content.en).toMatch(/no glossary terms/u);
    expect((await runGlossaryCommand('g5', { sub: 'add', term: 'Kotodama', translations: {} }, services)).content.en).toBe(
      'Added **Kotodama**: never translated.',
    );
    expect((await runGlossaryCommand('g5', { sub: 'add', term: 'FAQ', translations: { ja: 'よくある質問' } }, services)).content.en).toBe(
      'Added **FAQ**: always Japanese → よくある質問.',
    );
    expect((await runGlossaryCommand('g5', { sub: 'list' }, services)).content.en).toBe(
      '- **FAQ**: always Japanese → よくある質問\n- **Kotodama**: never translated',
    );
    const exported = await runGlossaryCommand('g5', { sub: 'export', format: 'csv' }, services);
    expect(exported.file).toEqual({ name: 'glossary.csv', text: 'term,ja\r\nFAQ,よくある質問\r\nKotodama,\r\n' });
    expect((await runGlossaryCommand('g5', { sub: 'import', name: 'new.yaml', text: '- term: Discord\n' }, services)).content.en).toMatch(
      /Imported 1 terms/u,
    );
    expect(await store.list('g5')).toEqual([{ term: 'Discord', translations: {} }]);
    expect((await runGlossaryCommand('g5', { sub: 'remove', term: 'discord' }, services)).content.en).toBe('Removed **discord**.');
    await expect(runGlossaryCommand('g5', { sub: 'import', name: 'x.txt', text: '' }, services)).rejects.toThrow(
      /\.yaml, \.json or \.csv/u,
    );
  });
});
