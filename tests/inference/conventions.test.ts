import { describe, expect, it } from 'vitest';
import { CONVENTIONS_TABLE, conventionsFor, translationCodes, whisperPrompt } from '../../src/inference/conventions.ts';

describe('model conventions', () => {
  it.each(['Xenova/multilingual-e5-small', 'intfloat/multilingual-e5-large', 'Xenova/e5-base-v2', '/models/multilingual-e5-base/'])(
    'GIVEN the e5 family model %s THEN both sides of a question match get "query: ", mean pooling, 512 tokens',
    (model) => {
      const { conventions, known } = conventionsFor(model, 'embedder');
      expect(known).toBe(true);
      expect(conventions).toMatchObject({ symmetricPrefix: 'query: ', passagePrefix: 'passage: ', pooling: 'mean', maxInputTokens: 512 });
    },
  );

  it('GIVEN the fixture BERT, a BGE model or an unknown embedder THEN no prefix', () => {
    expect(conventionsFor('tiny-random-bert', 'embedder')).toMatchObject({ known: true, conventions: { symmetricPrefix: '' } });
    expect(conventionsFor('BAAI/bge-small-en-v1.5', 'embedder').conventions).toMatchObject({ symmetricPrefix: '', pooling: 'cls' });
    expect(conventionsFor('intfloat/multilingual-e5-large-instruct', 'embedder')).toMatchObject({
      known: false,
      conventions: { symmetricPrefix: '' },
    });
  });

  it('GIVEN NLLB THEN FLORES-200 codes such as jpn_Jpan; GIVEN a Marian pair model THEN none', () => {
    const ja = { code: 'ja', nllb: 'jpn_Jpan' };
    const en = { code: 'en', nllb: 'eng_Latn' };
    const nllb = conventionsFor('Xenova/nllb-200-distilled-600M', 'translator').conventions;
    expect(nllb.maxInputTokens).toBe(512);
    expect(translationCodes(nllb, ja, en)).toEqual({ src_lang: 'jpn_Jpan', tgt_lang: 'eng_Latn' });
    expect(translationCodes(conventionsFor('Xenova/m2m100_418M', 'translator').conventions, ja, en)).toEqual({
      src_lang: 'ja',
      tgt_lang: 'en',
    });
    expect(translationCodes(conventionsFor('Xenova/opus-mt-ja-en', 'translator').conventions, ja, en)).toEqual({});
  });

  it('GIVEN Whisper THEN the decoder prompt has language and task tokens, except for English-only checkpoints', () => {
    const base = conventionsFor('onnx-community/whisper-base', 'speech').conventions;
    expect(whisperPrompt(base, 'ja', 'transcribe')).toEqual(['<|startoftranscript|>', '<|ja|>', '<|transcribe|>', '<|notimestamps|>']);
    expect(whisperPrompt(base, 'ja', 'translate')[2]).toBe('<|translate|>');
    expect(base).toMatchObject({ sampleRate: 16000, windowSec: 30, maxTargetTokens: 448 });
    const english = conventionsFor('onnx-community/whisper-base.en', 'speech').conventions;
    expect(whisperPrompt(english, 'ja', 'transcribe')).toEqual(['<|startoftranscript|>', '<|notimestamps|>']);
  });

  it('GIVEN Qwen2.5 Instruct THEN ChatML with its 32k context and the system prompt its template would inject', () => {
    expect(conventionsFor('onnx-community/Qwen2.5-0.5B-Instruct', 'chat')).toMatchObject({
      known: true,
      conventions: { template: 'chatml', contextTokens: 32768, maxNewTokens: 8192, stopTokens: ['<|im_end|>', '<|endoftext|>'] },
    });
    expect(conventionsFor('onnx-community/Qwen2.5-0.5B-Instruct', 'chat').conventions.implicitSystemPrompt).toMatch(/^You are Qwen/u);
  });

  it('GIVEN a model of another kind THEN its row is not used for this kind', () => {
    expect(conventionsFor('Xenova/multilingual-e5-small', 'chat').known).toBe(false);
  });

  it('GIVEN the table THEN it is frozen all the way down', () => {
    const row = CONVENTIONS_TABLE[0]!;
    expect(Object.isFrozen(CONVENTIONS_TABLE)).toBe(true);
    expect(() => Object.assign(row.conventions, { maxInputTokens: 1 })).toThrow(TypeError);
    const whisper = conventionsFor('onnx-community/whisper-base', 'speech').conventions;
    expect(() => Object.assign(whisper.taskTokens, { transcribe: 'x' })).toThrow(TypeError);
  });
});
