/** The translation lane's models for `npm run models`: its own LLM settings, never another lane's. */
import { describe, expect, it } from 'vitest';
import { translateLane } from '../../../src/lanes/translate/index.ts';
import { testConfig } from '../../helpers/env.ts';

describe('translation models to download', () => {
  it('GIVEN no pairs THEN only the lane model is listed', () => {
    const config = testConfig();
    expect(translateLane.models(config).map((spec) => spec.model)).toEqual(['tiny-random-marian-en-de']);
  });

  it('GIVEN llm and seq2seq pairs with a local LLM THEN their models are listed with translate.llm dtype and device', () => {
    const config = testConfig({
      translate: {
        pairs: {
          'ja-en': { provider: 'llm' },
          'en-ja': { provider: 'llm', model: 'some/llm' },
          'en-de': { provider: 'seq2seq', model: 'm/opus' },
        },
        llm: { provider: 'local', model: 'tiny-random-qwen2', dtype: 'q4', device: 'cpu' },
      },
    });
    expect(translateLane.models(config)).toEqual([
      { task: 'translation', model: 'tiny-random-marian-en-de', dtype: 'fp32', device: 'cpu' },
      { task: 'translation', model: 'm/opus', dtype: 'fp32', device: 'cpu' },
      { task: 'text-generation', model: 'tiny-random-qwen2', dtype: 'q4', device: 'cpu' },
      { task: 'text-generation', model: 'some/llm', dtype: 'q4', device: 'cpu' },
    ]);
  });

  it('GIVEN llm pairs on an OpenAI-compatible server THEN nothing more is downloaded', () => {
    const config = testConfig({ translate: { pairs: { 'ja-en': { provider: 'llm' } }, llm: { provider: 'openai', model: 'qwen' } } });
    expect(translateLane.models(config)).toHaveLength(1);
  });
});
