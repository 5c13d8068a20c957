/** The local chat's `/speak`: the real session, queue and worker on the fixture voice model write a valid OGG/Opus file. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/audio/decode.ts';
import { LocalSession } from '../../../src/bot/local/session.ts';
import { createRedis } from '../../../src/core/redis.ts';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import { speakLane } from '../../../src/lanes/speak/index.ts';
import { speakLocal } from '../../../src/lanes/speak/local.ts';
import { WorkerHost } from '../../../src/queue/worker-host.ts';
import { cleanupRedis, quietLogger, testConfig } from '../../helpers/env.ts';

const config = testConfig();
const redis = createRedis(config.redis, 'worker');
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
let host: WorkerHost;
let session: LocalSession;

beforeAll(async () => {
  const processor = await speakLane.createProcessor({ config, runtime, logger: quietLogger, redis });
  host = new WorkerHost({ config, lanes: [{ lane: speakLane, processor }], logger: quietLogger });
  await host.start();
  session = new LocalSession(config, quietLogger, 'en');
  await session.ready();
}, 60_000);

afterAll(async () => {
  await session.close();
  await host.close(1_000);
  redis.disconnect();
  await cleanupRedis(config);
}, 30_000);

describe('/speak in the local chat', () => {
  it('GIVEN /speak --out <file> <text> THEN the speech is written there as OGG/Opus and the path and duration are printed', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kotodama-speak-')), 'hello.ogg');
    const answer = await session.answer(`/speak --out ${file} Hello there. This is the local chat.`);
    expect(answer).toMatch(/^🔊 Saved \d+\.\d s of speech to /u);
    expect(answer).toContain(file);
    expect(existsSync(file)).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
    const decoded = await decodeAudio(new Uint8Array(bytes), { maxBytes: 1e7, maxDurationSec: 600 }, { ffmpegPath: null });
    const printed = Number(/Saved (\d+\.\d) s/u.exec(answer)?.[1]);
    expect(decoded.durationSec).toBeGreaterThan(0);
    expect(Math.abs(decoded.durationSec - printed)).toBeLessThanOrEqual(0.06);
  }, 60_000);

  it('GIVEN /speak without text or with a bad --out THEN the usage or a clear message comes back', async () => {
    await expect(speakLocal.parse('', { config })).rejects.toMatchObject({ text: { en: expect.stringContaining('Usage: /speak') } });
    await expect(speakLocal.parse('--out notes.txt hello', { config })).rejects.toMatchObject({
      text: { en: expect.stringContaining('not a file name ending in .ogg') },
    });
    expect(await speakLocal.parse('--out a.ogg hello there', { config })).toEqual({ text: 'hello there', out: 'a.ogg' });
    expect(await session.answer('/speak')).toContain('Usage: /speak');
  }, 30_000);
});
