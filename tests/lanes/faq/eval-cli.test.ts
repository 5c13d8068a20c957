import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SMALL_FAQ } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'eval-faq-'));
const faqYaml = join(dir, 'faq.yaml');
writeFileSync(faqYaml, stringify({ entries: SMALL_FAQ }));
const faqJson = join(dir, 'faq.json');
writeFileSync(faqJson, JSON.stringify(SMALL_FAQ));

const jsonl = (name: string, rows: Array<{ text: string; expected: string | null }>): string => {
  const file = join(dir, name);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
};
const queries = jsonl('queries.jsonl', [
  { text: 'how do i join voice', expected: 'join-voice' },
  { text: 'when does game night start', expected: 'event-schedule' },
  { text: 'ニックネームを変えたい', expected: 'ja-nickname' },
  { text: 'my cat is sleeping on the keyboard', expected: null },
]);
const calibrate = jsonl('calibrate.jsonl', [
  { text: 'how to report someone who spams', expected: 'report-user' },
  { text: 'where do I get roles', expected: 'get-role' },
  { text: 'what is the best pizza topping', expected: null },
]);

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]) {
  // Node with tsx's loader, as `npm run eval:faq` runs it, without npx's and tsx's extra processes (~2 s a run).
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/lanes/faq/cli/eval.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const stderr = r.stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .join('\n');
  return { status: r.status, stdout: r.stdout.trim(), stderr };
}

describe('eval-faq CLI', () => {
  it('prints one JSON line of metrics for a YAML FAQ with calibration', () => {
    const { status, stdout } = run('--faq', faqYaml, '--queries', queries, '--calibrate', calibrate);
    expect(status).toBe(0);
    expect(stdout.split('\n')).toHaveLength(1);
    const m = JSON.parse(stdout) as Record<string, number | null>;
    expect(m).toMatchObject({
      in_scope_accuracy: 1,
      in_scope_refusal_rate: 0,
      oos_recall: 1,
      entries: 7,
      queries: 4,
      calibration: 'balanced',
    });
    for (const key of ['threshold', 'p50_ms', 'p99_ms']) expect(typeof m[key]).toBe('number');
  });

  it('uses the default threshold without calibration and reports oos_recall null without OOS queries', () => {
    const inScopeOnly = jsonl('in-scope.jsonl', [{ text: 'how do i join voice', expected: 'join-voice' }]);
    const { status, stdout } = run('--faq', faqJson, '--queries', inScopeOnly, '--retrieval', 'lexical');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ in_scope_accuracy: 1, oos_recall: null, queries: 1, calibration: 'default-threshold' });
  });

  it.each(['dense', 'hybrid'])(
    'GIVEN --retrieval %s and the fixture embedding model THEN it prints the metrics with the embedding time apart',
    (mode) => {
      const { status, stdout, stderr } = runWith(
        { KOTODAMA_PROFILE: 'fixtures' },
        '--faq',
        faqJson,
        '--queries',
        queries,
        '--calibrate',
        calibrate,
        '--retrieval',
        mode,
      );
      expect(status, stderr).toBe(0);
      const m = JSON.parse(stdout) as Record<string, number | null>;
      expect(m).toMatchObject({ entries: 7, queries: 4 });
      for (const key of ['in_scope_accuracy', 'threshold', 'p99_ms', 'embed_ms']) expect(typeof m[key]).toBe('number');
      expect(m.embed_ms).toBeGreaterThan(0);
    },
  );

  it('GIVEN --retrieval dense without the embedding model THEN it exits naming the model and how to get it', () => {
    const { status, stderr } = runWith(
      { KOTODAMA_PROFILE: 'fixtures', KOTODAMA_OFFLINE: '1', MODELS_DIR: dir },
      '--faq',
      faqJson,
      '--queries',
      queries,
      '--retrieval',
      'dense',
    );
    expect(status).toBe(2);
    expect(stderr).toMatch(/tiny-random-bert.*npm run models -- download/u);
  });

  it.each([
    [['--queries', 'x.jsonl'], /--faq and --queries are required/],
    [['--faq', 'x', '--queries', 'y', '--bogus'], /Unknown option/],
    [['--faq', join(dir, 'missing.yaml'), '--queries', 'y'], /cannot read/],
  ])('exits non-zero with a one-line message on bad arguments %j', (args, message) => {
    const { status, stderr } = run(...args);
    expect(status).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('points at the bad field of an invalid FAQ and an unknown expected id', () => {
    const badFaq = join(dir, 'bad.json');
    writeFileSync(badFaq, JSON.stringify([{ id: 'x', questions: [], answer: 'a' }]));
    expect(run('--faq', badFaq, '--queries', queries).stderr).toMatch(/bad\.json: 0\.questions/);
    const unknownId = jsonl('unknown.jsonl', [{ text: 'hi', expected: 'nope' }]);
    expect(run('--faq', faqJson, '--queries', unknownId).stderr).toMatch(/unknown\.jsonl:1: expected "nope"/);
  });

  it('GIVEN a one-question-per-entry FAQ calibrated on questions without out-of-scope examples THEN it does not refuse everything', () => {
    const fixture = resolve(ROOT, 'tests/fixtures/faq-single');
    const inScope = jsonl(
      'single-in-scope.jsonl',
      readFileSync(join(fixture, 'queries.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { text: string; expected: string | null })
        .filter((q) => q.expected !== null),
    );
    const { status, stdout, stderr } = run('--faq', join(fixture, 'faq.json'), '--queries', inScope, '--calibrate', inScope);
    expect(status, stderr).toBe(0);
    const m = JSON.parse(stdout) as Record<string, number | string | null>;
    expect(m.threshold).toBeLessThan(1);
    expect(m.in_scope_refusal_rate).toBeLessThanOrEqual(0.1);
    expect(m.calibration).toBe('accuracy-no-oos');
  });

  it('GIVEN a margin that refuses more than the budget THEN it says so on stderr and takes the least-refusing threshold', () => {
    const { status, stdout, stderr } = run(
      '--faq',
      faqJson,
      '--queries',
      queries,
      '--calibrate',
      calibrate,
      '--margin',
      '1',
      '--max-refusal',
      '0',
    );
    expect(status, stderr).toBe(0);
    const m = JSON.parse(stdout) as Record<string, number | string | null>;
    expect(m.calibration).toBe('least-refusing');
    expect(m.threshold).toBeLessThan(1);
    expect(stderr).toMatch(/no threshold refuses at most 0% of the in-scope calibration queries/u);
  });

  it('GIVEN --retrieval baseline with threshold and margin 0 THEN it measures plain TF-IDF top-1 accuracy, refusing nothing', () => {
    const { status, stdout, stderr } = run(
      '--faq',
      faqJson,
      '--queries',
      queries,
      '--retrieval',
      'baseline',
      '--threshold',
      '0',
      '--margin',
      '0',
    );
    expect(status, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      entries: 7,
      queries: 4,
      calibration: 'fixed-threshold',
      threshold: 0,
      in_scope_refusal_rate: 0,
    });
    expect(run('--faq', faqJson, '--queries', queries, '--threshold', '0.2', '--calibrate', calibrate).stderr).toMatch(/not both/u);
  });
});
