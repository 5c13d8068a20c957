/**
 * Lanes ready one by one: a model is prepared (downloaded, loaded) behind a lane that already takes jobs; a job that
 * needs it meanwhile hears how far the download is; a failed download names the actual cause and what to do.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { DownloadTracker, type DownloadProgress } from '../../src/inference/download-progress.ts';
import { describeLoadFailure, formatLaneStatus } from '../../src/inference/prepare.ts';
import { ModelRuntime, type ModelSpec } from '../../src/inference/runtime.ts';
import { startHub } from '../e2e/first-run-helpers.ts';
import { quietLogger } from '../helpers/env.ts';
import { PROJECT_ROOT } from '../../src/config/index.ts';

const BERT: ModelSpec = { task: 'feature-extraction', model: 'tiny-random-bert', dtype: 'fp32', device: 'cpu' };
const models = (remoteHost: string) => ({
  dir: mkdtempSync(path.join(tmpdir(), 'kotodama-prepare-')),
  allowRemote: true,
  threads: 1,
  spinning: false,
  remoteHost,
});

let hub: Awaited<ReturnType<typeof startHub>>;
beforeAll(async () => {
  hub = await startHub(150_000);
});
afterAll(() => hub.close());

describe('DownloadTracker', () => {
  it('GIVEN files read from the models folder THEN it is not a download', () => {
    const tracker = new DownloadTracker(0);
    expect(tracker.update({ status: 'initiate', file: 'config.json' })).toBe(false);
    expect(tracker.update({ status: 'done', file: 'config.json' })).toBe(false);
    expect(tracker.downloading).toBe(false);
  });

  it('GIVEN download progress THEN it gives the percentage and the time left at the rate so far', () => {
    const tracker = new DownloadTracker(0);
    tracker.update({ status: 'download', file: 'onnx/model.onnx' });
    tracker.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 25e6, total: 100e6, progress: 25 });
    tracker.update({ status: 'progress', file: 'tokenizer.json', loaded: 0, total: 0 });
    expect(tracker.snapshot(10_000)).toEqual({ loadedBytes: 25e6, totalBytes: 100e6, percent: 25, etaSec: 30 });
    tracker.update({ status: 'progress_total', loaded: 50e6, total: 200e6, progress: 25 });
    expect(tracker.snapshot(10_000)).toMatchObject({ loadedBytes: 50e6, totalBytes: 200e6, percent: 25, etaSec: 30 });
  });
});

describe('ModelRuntime.prepare', () => {
  it('GIVEN a model downloading THEN a job asking for it is told the progress, and gets it once it is in', async () => {
    const runtime = new ModelRuntime({ models: models(hub.url), logger: quietLogger });
    const seen: DownloadProgress[] = [];
    const prepared = runtime.prepare(BERT, (progress) => seen.push(progress));
    // A job arriving before the first byte: it must not wait for the whole download either.
    const early = runtime.load(BERT).then(
      () => 'loaded',
      (error: unknown) => error,
    );
    const earlyResult = await early;
    expect(earlyResult).toBeInstanceOf(UserError);
    expect((earlyResult as UserError).code).toBe('model_downloading');
    await waitUntil(() => seen.some((progress) => progress.percent !== undefined && progress.percent > 0));
    const error = await runtime.load(BERT).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.en).toMatch(/^The model tiny-random-bert is still downloading \(\d{1,2}%\); try again in about/u);
    expect((error as UserError).text.ja).toMatch(/^モデル tiny-random-bert はまだダウンロード中です（\d{1,2}%）/u);
    await prepared;
    const embed = await runtime.load(BERT);
    expect(typeof embed).toBe('function');
    await runtime.dispose();
  }, 60_000);

  it('GIVEN a model in the models folder THEN a job asking for it while it loads waits for it, never told it is downloading', async () => {
    // transformers.js reports reading local files with the same events as downloads; that is no download.
    const local = { ...models(hub.url), dir: path.join(PROJECT_ROOT, 'tests/fixtures/models') };
    const runtime = new ModelRuntime({ models: local, logger: quietLogger });
    const prepared = runtime.prepare(BERT);
    expect(runtime.preparing(BERT)).toBe('loading');
    const jobs: Promise<unknown>[] = [];
    let done = false;
    void prepared.finally(() => (done = true));
    while (!done) {
      jobs.push(
        runtime.load(BERT).then(
          () => 'loaded',
          (error: unknown) => error,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const outcomes = await Promise.all(jobs);
    // The first job asks at once (before any file is read); a fast load may leave it the only one.
    expect(outcomes.length).toBeGreaterThanOrEqual(1);
    expect(outcomes.filter((outcome) => outcome !== 'loaded')).toEqual([]);
    await runtime.dispose();
  }, 60_000);

  it('GIVEN a host that does not resolve THEN the reason names it and the advice is a mirror or copied files', async () => {
    const runtime = new ModelRuntime({ models: models('http://kotodama-no-such-host.invalid/'), logger: quietLogger });
    const error = await runtime.prepare(BERT).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    const { reason, hint } = describeLoadFailure(error, {
      allowRemote: true,
      remoteHost: 'http://kotodama-no-such-host.invalid/',
      dir: '/x',
    });
    expect(reason).toBe('cannot resolve kotodama-no-such-host.invalid (no DNS answer)');
    expect(hint).toMatch(/HF_ENDPOINT.*MODELS_DIR/u);
    expect(formatLaneStatus({ type: 'lane-status', state: 'missing', lane: 'x', model: 'tiny-random-bert', reason, hint })).toBe(
      `x: model tiny-random-bert is missing — ${reason}. ${hint}`,
    );
    await runtime.dispose();
  }, 60_000);

  it('GIVEN downloads off THEN the reason says so and the advice is to copy the files', () => {
    expect(
      describeLoadFailure(new Error('local_files_only'), { allowRemote: false, remoteHost: 'https://huggingface.co/', dir: '/m' }),
    ).toEqual({
      reason: 'it is not in the models folder and downloads are off (KOTODAMA_OFFLINE / models.allowRemote)',
      hint: 'Copy the model folder into MODELS_DIR, or allow downloads, and start again',
    });
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
