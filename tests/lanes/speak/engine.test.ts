/** The Supertonic engine on the committed tiny fixture: real loading, real ONNX sessions, real downloads from a local mirror. */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { SpeechEngines, type SpeechEngine } from '../../../src/lanes/speak/engine/index.ts';
import { FIXTURE_MODEL, FIXTURE_MODELS, fixtureEngine, offlineStore } from './helpers.ts';

let engines: SpeechEngines;
let engine: SpeechEngine;

beforeAll(async () => {
  engines = new SpeechEngines({ store: offlineStore() });
  engine = await engines.get(fixtureEngine());
});
afterAll(() => engines.dispose());

describe('Supertonic engine on the fixture model', () => {
  it('GIVEN an English sentence THEN it returns deterministic 44.1 kHz samples of the predicted length', async () => {
    const request = { text: 'Hello there, how are you?', language: 'en', voice: 'F1' };
    const first = await engine.synthesize(request);
    const second = await engine.synthesize(request);
    expect(engine.sampleRate).toBe(44100);
    expect(first.length).toBe(109_416); // 2.48 s: 34 characters with the tags x ~0.07 s / speed 1.05 (the fixture's duration predictor)
    expect(second).toEqual(first);
    expect(Math.max(...first.map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('GIVEN another voice or another text THEN the audio differs', async () => {
    const f1 = await engine.synthesize({ text: 'Good morning.', language: 'en', voice: 'F1' });
    const m1 = await engine.synthesize({ text: 'Good morning.', language: 'en', voice: 'M1' });
    const other = await engine.synthesize({ text: 'Good evening.', language: 'en', voice: 'F1' });
    expect(m1).not.toEqual(f1);
    expect(other.slice(0, 1000)).not.toEqual(f1.slice(0, 1000));
  });

  it('GIVEN Japanese with kanji, kana and characters the model lacks THEN the known ones are spoken and the rest skipped', async () => {
    const plain = await engine.synthesize({ text: '今日はいい天気ですね。', language: 'ja', voice: 'F1' });
    const withHangul = await engine.synthesize({ text: '今日はいい天気ですね。한', language: 'ja', voice: 'F1' });
    expect(plain.length).toBeGreaterThan(44100 * 0.5);
    expect(withHangul.length).toBeGreaterThan(0);
  });

  it('GIVEN a longer text THEN the audio is longer (duration follows the text)', async () => {
    const short = await engine.synthesize({ text: 'Yes.', language: 'en', voice: 'F1' });
    const long = await engine.synthesize({ text: 'Yes, and here is a much longer sentence to read.', language: 'en', voice: 'F1' });
    expect(long.length).toBeGreaterThan(short.length * 3);
  });

  it('GIVEN an aborted signal THEN synthesis stops with the abort reason', async () => {
    const controller = new AbortController();
    controller.abort('cancelled');
    await expect(engine.synthesize({ text: 'Hello.', language: 'en', voice: 'F1', signal: controller.signal })).rejects.toBe('cancelled');
  });

  it('GIVEN a voice or language the engine is not configured for THEN it refuses', async () => {
    await expect(engine.synthesize({ text: 'Hi.', language: 'en', voice: 'F9' })).rejects.toThrow(/no voice "F9"/);
    await expect(engine.synthesize({ text: 'Hi.', language: 'fr', voice: 'F1' })).rejects.toThrow(/does not speak "fr"/);
  });

  it('GIVEN two callers at once THEN they share one load', async () => {
    const fresh = new SpeechEngines({ store: offlineStore() });
    const [a, b] = await Promise.all([fresh.get(fixtureEngine()), fresh.get(fixtureEngine())]);
    expect(a).toBe(b);
    await fresh.dispose();
  });
});

describe('model files', () => {
  let scratch: string;
  let mirror: Server;
  let mirrorUrl: string;
  const served: string[] = [];

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'speak-models-'));
    // A Hugging Face-style mirror on loopback: GET /<model>/resolve/main/<file>.
    mirror = createServer((req, res) => {
      const match = /^\/([^/]+)\/resolve\/main\/(.+)$/u.exec(req.url ?? '');
      if (!match || match[1] !== FIXTURE_MODEL) return void res.writeHead(404).end();
      const file = decodeURIComponent(match[2] ?? '');
      readFile(path.join(FIXTURE_MODELS, FIXTURE_MODEL, file)).then(
        (bytes) => {
          served.push(file);
          res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
        },
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => mirror.close(resolve));
    await rm(scratch, { recursive: true, force: true });
  });

  it('GIVEN the model is missing and downloads are off THEN a model_missing UserError names the model and file, not the folder', async () => {
    const offline = new SpeechEngines({ store: offlineStore(scratch) });
    const error: unknown = await offline.get(fixtureEngine()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('model_missing');
    expect((error as UserError).message).toContain(
      `The voice model ${FIXTURE_MODEL} is not available (missing onnx/duration_predictor.onnx)`,
    );
    expect((error as UserError).message).toContain('Downloads are off here');
    expect((error as UserError).message).not.toContain(scratch);
  });

  it('GIVEN a failed load THEN it is forgotten: once the files are there the next request loads', async () => {
    const dir = path.join(scratch, 'later');
    const engines2 = new SpeechEngines({ store: offlineStore(dir) });
    await expect(engines2.get(fixtureEngine())).rejects.toBeInstanceOf(UserError);
    await cp(path.join(FIXTURE_MODELS, FIXTURE_MODEL), path.join(dir, FIXTURE_MODEL), { recursive: true });
    const loaded = await engines2.get(fixtureEngine());
    expect((await loaded.synthesize({ text: 'Hi.', language: 'en', voice: 'M1' })).length).toBeGreaterThan(0);
    await engines2.dispose();
  });

  it('GIVEN downloads are allowed THEN missing files come from the mirror (HF_ENDPOINT), voices on first use', async () => {
    const dir = path.join(scratch, 'download');
    const online = new SpeechEngines({ store: { dir, allowRemote: true, remoteHost: mirrorUrl, threads: 1 } });
    const loaded = await online.get(fixtureEngine());
    expect(served).toEqual([
      'onnx/duration_predictor.onnx',
      'onnx/text_encoder.onnx',
      'onnx/vector_estimator.onnx',
      'onnx/vocoder.onnx',
      'onnx/tts.json',
      'onnx/unicode_indexer.json',
    ]);
    const audio = await loaded.synthesize({ text: 'Hello there, how are you?', language: 'en', voice: 'F1' });
    expect(served.at(-1)).toBe('voice_styles/F1.json');
    expect(audio.length).toBe(109_416); // the same model as the committed fixture
    await online.dispose();
  });

  it('GIVEN the mirror lacks the model THEN the download failure is a model_missing UserError', async () => {
    const online = new SpeechEngines({
      store: { dir: path.join(scratch, 'nothing'), allowRemote: true, remoteHost: mirrorUrl, threads: 1 },
    });
    const error: unknown = await online.get(fixtureEngine({ model: 'someone/not-there' })).catch((e: unknown) => e);
    expect((error as UserError).code).toBe('model_missing');
    expect((error as UserError).message).toContain('The download failed');
  });
});
