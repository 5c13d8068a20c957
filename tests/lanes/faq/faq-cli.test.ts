/** `npm run faq -- import|export|list` as an admin runs it, against real Redis on a private prefix. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../helpers/spawn.ts';
import { cleanupRedis, REDIS_URL, testConfig } from '../../helpers/env.ts';

const config = testConfig();
const env = { KOTODAMA_PROFILE: 'fixtures', KOTODAMA_REDIS_PREFIX: config.redis.prefix, REDIS_URL };
const dir = mkdtempSync(join(tmpdir(), 'faq-cli-'));
const guild = '300000000000000001';
const faq = (...args: string[]) => runScript('src/lanes/faq/cli/faq.ts', args, { env });

afterAll(() => cleanupRedis(config));

describe('npm run faq', () => {
  it('GIVEN a CSV imported for a guild THEN list shows it with the file entries and export gives it back as CSV', async () => {
    const csv = join(dir, 'faq.csv');
    writeFileSync(csv, 'question,answer,id\n"Where, exactly?",Here,where\n');
    const imported = await faq('import', csv, '--guild', guild);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 1 entries into server 300000000000000001: 1 new, 0 replaced');
    const listed = await faq('list', '--guild', guild);
    expect(listed.stdout).toMatch(/^where\tserver\t1 question\(s\)\tWhere, exactly\?$/mu);
    expect(listed.stdout).toMatch(/^how-to-use\tfile\t/mu);
    expect((await faq('list')).stdout).toContain(`${guild}\t9 entries`);
    const out = join(dir, 'out.csv');
    expect((await faq('export', '--guild', guild, '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"Where, exactly?",Here,where\r\n');
  });

  it('GIVEN a bad file, a bad guild id or no command THEN it exits 1 with one message saying what is wrong', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ id: 'a', questions: ['q'], answer: '' }]));
    expect((await faq('import', bad, '--guild', guild)).stderr).toMatch(/bad\.json: entry 1 \("a"\): answer: the answer is empty/u);
    const notId = await faq('export', '--guild', 'abc');
    expect(notId.code).toBe(1);
    expect(notId.stderr).toContain('--guild must be a server id');
    expect((await faq()).stderr).toContain('usage: npm run faq');
  });
});
