/** `npm run models`: status, offline refusal, and a real download from a local Hub-compatible server. */
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { runScript } from '../helpers/spawn.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/models');
let server: Server;
let hub = '';
const requested: string[] = [];

beforeAll(async () => {
  // Serves the fixture folders the way the Hub does: /<model>/resolve/<revision>/<file>.
  server = createServer((request, response) => {
    const match = /^\/([^/]+)\/resolve\/[^/]+\/(.+)$/u.exec(request.url ?? '');
    const file = match ? path.join(FIXTURES, match[1] ?? '', decodeURIComponent(match[2] ?? '')) : '';
    requested.push(request.url ?? '');
    if (!match || !file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, { 'content-length': body.byteLength }).end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  hub = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run models', () => {
  it('GIVEN the fixtures profile THEN status reports every lane ready', async () => {
    const result = await runScript('src/cli/models.ts', ['status'], { env: { KOTODAMA_PROFILE: 'fixtures' } });
    expect(result.code).toBe(0);
    // Every lane that runs a model (booking runs none).
    for (const lane of ['faq', 'translate', 'transcribe', 'generate', 'speak'])
      expect(result.stdout).toMatch(new RegExp(`^${lane}\\s.*: ready$`, 'mu'));
    expect(result.stdout.match(/: ready$/gmu)).toHaveLength(5);
  });

  it('GIVEN an empty models folder offline THEN download names the missing files and exits 1 without any request', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-models-'));
    const before = requested.length;
    const result = await runScript('src/cli/models.ts', ['download', 'faq', '--offline'], {
      env: { KOTODAMA_PROFILE: 'fixtures', MODELS_DIR: dir, HF_ENDPOINT: hub },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tiny-random-bert/config.json');
    expect(requested.length).toBe(before);
  });

  it('GIVEN a reachable hub THEN download fetches the lane model with progress and a worker can load it offline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-models-'));
    const env = { KOTODAMA_PROFILE: 'fixtures', MODELS_DIR: dir, HF_ENDPOINT: hub, KOTODAMA_OFFLINE: '0' };
    const result = await runScript('src/cli/models.ts', ['download', 'translate'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/100%.*encoder_model\.onnx/u);
    expect(existsSync(path.join(dir, 'tiny-random-marian-en-de/onnx/encoder_model.onnx'))).toBe(true);
    const status = await runScript('src/cli/models.ts', ['status', 'translate', '--offline'], { env });
    expect(status.stdout).toMatch(/translate\s+tiny-random-marian-en-de \(fp32\): ready/u);
  });

  it('GIVEN a worker whose model is not downloaded THEN it takes jobs, shows the download, and its lane becomes ready', async () => {
    const { spawn } = await import('node:child_process');
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-models-'));
    const env = {
      ...process.env,
      KOTODAMA_PROFILE: 'fixtures',
      MODELS_DIR: dir,
      HF_ENDPOINT: hub,
      KOTODAMA_OFFLINE: '0',
      KOTODAMA_REDIS_PREFIX: `test-dl-${Date.now()}`,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts', '--lanes', 'faq'], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!stderr.includes('faq: ready') && Date.now() < deadline && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 50));
      // The lane takes jobs first, then its model downloads behind it, reported in one line per 10%.
      expect(stderr.indexOf('worker ready')).toBeGreaterThanOrEqual(0);
      expect(stderr.indexOf('worker ready')).toBeLessThan(stderr.indexOf('faq: ready'));
      expect(stderr).toMatch(/faq: downloading tiny-random-bert \(/u);
      expect(stderr).toMatch(/faq: ready \(tiny-random-bert, \d+ s\)/u);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });

  it('GIVEN the fixture models THEN check fails clearly, one line per lane, exit code 1', async () => {
    const result = await runScript('src/cli/models.ts', ['check'], { env: { KOTODAMA_PROFILE: 'fixtures' } });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^faq\s+tiny-random-bert \(fp32\): FAILED — \d\/5 paraphrases ranked above an unrelated question/u),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^translate\s+tiny-random-marian-en-de \(fp32\): FAILED — 「おはようございます」 → ".*", expected "morning"/u),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^transcribe\s+tiny-random-whisper \(fp32\): FAILED — heard ".*" in a clip saying "hello, how do I use this bot"/u,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^generate\s+tiny-random-qwen2 \(fp32\): FAILED — "What is 2\+2\?" → ".*", expected 4/u),
    );
    expect(result.stderr).toContain('4 of 4 models did not pass the check');
  });

  it('GIVEN a broken download THEN check says the files do not load and to download again, naming no server path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-models-'));
    cpSync(path.join(FIXTURES, 'tiny-random-bert'), path.join(dir, 'tiny-random-bert'), { recursive: true });
    writeFileSync(path.join(dir, 'tiny-random-bert/onnx/model.onnx'), 'this is not an ONNX file');
    const result = await runScript('src/cli/models.ts', ['check', 'faq'], { env: { KOTODAMA_PROFILE: 'fixtures', MODELS_DIR: dir } });
    expect(result.code).toBe(1);
    const line = result.stdout.split('\n').find((l) => l.startsWith('faq')) ?? '';
    expect(line).toMatch(/FAILED — its files do not load \(.+\): the download is broken; delete the model's folder and download it again/u);
    expect(line).not.toContain(dir);
    expect(result.stderr).toContain('1 of 1 models did not pass the check');
  });

  it('GIVEN a model that was never downloaded THEN check says so without fetching anything', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-models-'));
    const before = requested.length;
    const result = await runScript('src/cli/models.ts', ['check', 'faq'], {
      env: { KOTODAMA_PROFILE: 'fixtures', MODELS_DIR: dir, HF_ENDPOINT: hub, KOTODAMA_OFFLINE: '0' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /faq\s+tiny-random-bert \(fp32\): NOT DOWNLOADED — missing config\.json; run `npm run models -- download`/u,
    );
    expect(requested.length).toBe(before);
  });

  it('GIVEN a wrong command or lane THEN it prints the usage', async () => {
    expect((await runScript('src/cli/models.ts', ['fetch'])).stderr).toContain('Usage: npm run models');
    expect((await runScript('src/cli/models.ts', ['status', 'nope'])).stderr).toContain('Unknown lane(s) nope');
  });
});
