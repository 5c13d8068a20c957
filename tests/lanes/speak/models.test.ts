/** `npm run models` for the speak lane: the files each configured voice model needs, found or missing in the models folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { speakLane } from '../../../src/lanes/speak/index.ts';
import { testConfig } from '../../helpers/env.ts';

describe('speak model files', () => {
  it('GIVEN the fixtures profile THEN the tiny model is listed with its graphs and two voices, and nothing is missing', async () => {
    const [files, ...others] = speakLane.modelFiles?.(testConfig()) ?? [];
    expect(others).toEqual([]);
    expect(files?.model).toBe('tiny-random-supertonic');
    expect(await files?.missing()).toEqual([]);
  });

  it('GIVEN an empty models folder, offline THEN every file is missing and the download says the model is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-speak-models-'));
    const config = testConfig({ models: { dir, allowRemote: false } });
    const [files] = speakLane.modelFiles?.(config) ?? [];
    expect(await files?.missing()).toEqual([
      'onnx/duration_predictor.onnx',
      'onnx/text_encoder.onnx',
      'onnx/vector_estimator.onnx',
      'onnx/vocoder.onnx',
      'onnx/tts.json',
      'onnx/unicode_indexer.json',
      'voice_styles/F1.json',
      'voice_styles/M1.json',
    ]);
    await expect(files?.download()).rejects.toMatchObject({ code: 'model_missing' });
  });

  it('GIVEN the default config THEN Supertonic 3 is listed with its ten voices', () => {
    const config = testConfig({
      lanes: { speak: { model: 'supertone-oss-archive/supertonic-3' } },
      speak: { engines: { supertonic: { voices: ['F1', 'F2', 'F3', 'F4', 'F5', 'M1', 'M2', 'M3', 'M4', 'M5'] } } },
    });
    const [files] = speakLane.modelFiles?.(config) ?? [];
    expect(files?.model).toBe('supertone-oss-archive/supertonic-3');
  });
});
