/** The translation lane on the fixture models: NLLB-style m2m_100 (the default family) and Marian. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import type { ProcessContext } from '../../../src/lanes/process-context.ts';
import { translateLane } from '../../helpers/lanes.ts';
import { GlossaryStore } from '../../../src/lanes/translate/glossary/store.ts';
import { createTranslateProcessor } from '../../../src/lanes/translate/processor.ts';
import { cleanupRedis, quietLogger, testConfig } from '../../helpers/env.ts';

const config = testConfig({ lanes: { translate: { model: 'tiny-random-m2m100-nllb' } } });
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
const redis = new Redis(config.redis.url);
afterAll(async () => {
  await cleanupRedis(config);
  redis.disconnect();
  await runtime.dispose();
});

const ctx = (context: Partial<ProcessContext['context']> = {}): ProcessContext => ({
  jobId: 't',
  context: { origin: 'discord', userId: 'u', ...context },
  signal: new AbortController().signal,
  locale: 'en',
  report: () => undefined,
  logger: quietLogger,
});

describe('translate processor on the m2m_100 (NLLB layout) fixture', () => {
  const translate = createTranslateProcessor({ config, runtime, redis, logger: quietLogger });

  it('GIVEN English to Japanese and back THEN src_lang/tgt_lang steer the model and the outputs are pinned', async () => {
    const toJa = await translate({ text: 'hello world', to: 'ja' }, ctx());
    expect(translateLane.result.parse(toJa)).toEqual({
      text: 'けけけけけけ日リれ',
      from: 'en',
      to: 'ja',
      model: 'tiny-random-m2m100-nllb',
      provider: 'seq2seq',
      calls: 1,
      fallbacks: 0,
    });
    const toFr = await translate({ text: 'hello world', to: 'fr' }, ctx());
    expect(toFr.text).toBe('ろれけれれけウれれ');
    const fromJa = await translate({ text: 'おはようございます', to: 'en' }, ctx());
    expect(fromJa).toMatchObject({ text: 'れれれゲ whatそけ。れ', from: 'ja' });
  });

  it('GIVEN a message of three sentences THEN they are translated in one model call and keep their line breaks', async () => {
    const result = await translate({ text: 'hello world. see you.\n\ngood morning!', to: 'ja' }, ctx());
    expect(result).toMatchObject({ calls: 1, fallbacks: 0 });
    expect(result.text).toBe('けけけけけけ helpけけ\n\nunぺ merciゾデg。ぺ|');
  });

  it('GIVEN markup THEN the random model loses the placeholders, the fallback runs, and every span is still there', async () => {
    const text = 'hello <@123456789012345678>, see `npm start` and https://example.com/x';
    const result = await translate({ text, to: 'ja' }, ctx());
    expect(result).toMatchObject({ calls: 2, fallbacks: 1 });
    for (const span of ['<@123456789012345678>', '`npm start`', 'https://example.com/x']) expect(result.text).toContain(span);
  });

  it('GIVEN emoji, a link or code only THEN no model runs and the text comes back as it is', async () => {
    for (const [text, skipped] of [
      ['👍🎉', 'emoji'],
      ['https://example.com/a', 'url'],
      ['```\nnpm start\n```', 'code'],
    ] as const) {
      expect(await translate({ text, to: 'ja' }, ctx())).toEqual({ text, from: 'ja', to: 'ja', model: 'none', provider: 'none', skipped });
    }
  });

  it('GIVEN kanji-only text from a Japanese member THEN it is read as Japanese, not Chinese', async () => {
    expect(await translate({ text: '了解', to: 'en' }, ctx({ locale: 'ja' }))).toMatchObject({ from: 'ja' });
    expect(await translate({ text: '大丈夫', to: 'en' }, ctx({ locale: 'en-US' }))).toMatchObject({ from: 'ja' });
  });

  it('GIVEN text already in the target language or an unknown language THEN the member is told', async () => {
    const same = await translate({ text: 'see you tomorrow then', to: 'en' }, ctx()).catch((e: unknown) => e);
    expect(same).toBeInstanceOf(UserError);
    expect((same as UserError).message).toMatch(/already looks like English/u);
    const unknown = await translate({ text: 'hello', to: 'xx' }, ctx()).catch((e: unknown) => e);
    expect((unknown as UserError).code).toBe('unsupported_language');
  });

  it('GIVEN a server glossary THEN its terms are kept or written the fixed way, whatever the model does', async () => {
    const store = new GlossaryStore({ redis, prefix: config.redis.prefix });
    await store.add('g1', { term: 'Kotodama' });
    await store.add('g1', { term: 'FAQ', translations: { ja: 'よくある質問' } });
    const result = await translate({ text: 'hello Kotodama, see the faq', to: 'ja' }, ctx({ guildId: 'g1' }));
    expect(result.text).toContain('Kotodama');
    expect(result.text).toContain('よくある質問');
    expect(result.text).not.toMatch(/faq/iu);
    const elsewhere = await translate({ text: 'hello Kotodama, see the faq', to: 'ja' }, ctx({ guildId: 'g2' }));
    expect(elsewhere.text).not.toContain('よくある質問');
  });

  it('GIVEN an output that reaches the length limit THEN the chunk is split and translated again, never silently cut', async () => {
    const short = createTranslateProcessor({ config, runtime, settings: { maxNewTokens: 8 } });
    const result = await short({ text: 'hello world good morning thanks please help see', to: 'ja' }, ctx());
    expect(result.calls).toBeGreaterThan(1);
    expect(result.text).toBe(
      'けけ。すけウゲけ。らにむェらけけけけけ。bけ。らにむェらwhatけ。すそ whatくけ。らにむェらununぺけG``け。らにむェらけボボボボボボけ。らにむェらけけけ。bゲ whatけ。らにむェらけボACぽツゥけ。らにむェらけな。なä$C',
    );
  });
});

describe('translate processor with a pair-specific Marian model', () => {
  it('GIVEN translate.pairModels for en-de THEN that model translates, without language codes', async () => {
    const translate = createTranslateProcessor({ config, runtime, settings: { pairModels: { 'en-de': 'tiny-random-marian-en-de' } } });
    const result = await translate({ text: 'hello world', to: 'de' }, ctx());
    expect(result).toMatchObject({ model: 'tiny-random-marian-en-de', text: 'G WeltG you you|ö you', calls: 1 });
  });
});
