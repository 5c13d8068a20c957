/** The speak processor end to end on the fixture model: real engine, real encoder, real decoder. */
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/audio/decode.ts';
import { UserError } from '../../../src/core/errors.ts';
import type { LaneProgress } from '../../../src/lanes/process-context.ts';
import { DEFAULT_SPEAK_SETTINGS, speakSettingsSchema, type SpeakSettings } from '../../../src/lanes/speak/config.ts';
import { SpeechEngines } from '../../../src/lanes/speak/engine/index.ts';
import { createSpeakProcessor } from '../../../src/lanes/speak/processor.ts';
import { speakInputSchema, speakResultSchema, type SpeakInput } from '../../../src/lanes/speak/schema.ts';
import { ctx, fixtureEngine, offlineStore } from './helpers.ts';

const settings = (overrides: Partial<SpeakSettings> = {}): SpeakSettings =>
  speakSettingsSchema.parse({
    ...DEFAULT_SPEAK_SETTINGS,
    engines: { supertonic: fixtureEngine() },
    languages: { ja: { engine: 'supertonic', voice: 'F1' }, en: { engine: 'supertonic', voice: 'M1' } },
    ...overrides,
  });

const engines = new SpeechEngines({ store: offlineStore() });
afterAll(() => engines.dispose());
const speak = (
  input: Partial<SpeakInput> & { text: string },
  options: Parameters<typeof ctx>[0] = {},
  with_: Partial<SpeakSettings> = {},
) =>
  createSpeakProcessor({ settings: settings(with_), engines, now: () => new Date('2024-01-02T03:04:05Z') })(
    speakInputSchema.parse(input),
    ctx(options),
  );

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('speak processor', () => {
  it('GIVEN a Markdown answer THEN it speaks each sentence and returns a decodable voice message with its metadata', async () => {
    const progress: LaneProgress[] = [];
    const result = speakResultSchema.parse(
      await speak(
        { text: '**Hello** <@111111111111111111>! See https://example.com.\n```js\nx()\n```', names: { '111111111111111111': 'Alice' } },
        { progress },
      ),
    );
    expect(result.text).toBe('Hello Alice! See link. Code omitted.');
    expect([result.language, result.voice, result.model, result.sentences, result.sentencesDone]).toEqual([
      'en',
      'M1',
      'tiny-random-supertonic',
      3,
      3,
    ]);
    expect(result.stopped).toBeUndefined();
    expect(result.samples).toBe(239_409); // three utterances + two 250 ms pauses, at 48 kHz
    expect(result.durationSecs).toBe(result.samples / 48000);
    const waveform = Buffer.from(result.waveform, 'base64');
    expect(waveform.length).toBe(Math.floor(result.durationSecs * 10));
    const bytes = Buffer.from(result.audio.base64, 'base64');
    expect(result.audio).toMatchObject({ bytes: bytes.length, contentType: 'audio/ogg', filename: 'voice-message.ogg' });
    const decoded = await decodeAudio(bytes, { maxBytes: 1e7, maxDurationSec: 60 }, { ffmpegPath: null });
    expect(decoded.durationSec).toBeCloseTo(result.durationSecs, 3);
    expect(progress.map((p) => p.stage?.en)).toEqual([
      'loading the voice',
      'reading aloud 1/3',
      'reading aloud 2/3',
      'reading aloud 3/3',
      'reading aloud 3/3',
    ]);
    expect(progress.map((p) => p.percent).filter((p) => p !== undefined)).toEqual([0, 33, 67, 100]);
  });

  it('GIVEN Japanese (kana, or kanji only) THEN it is detected and read with the Japanese voice, 。 ending sentences', async () => {
    const result = await speak({ text: 'こんにちは。今日はいい天気ですね。' });
    expect([result.language, result.voice, result.sentences]).toEqual(['ja', 'F1', 2]);
    expect(result.text).toBe('こんにちは。今日はいい天気ですね。');
    expect((await speak({ text: '東京駅' })).language).toBe('ja');
  });

  it('GIVEN an English answer whose hidden reasoning is Japanese THEN it is read in English (judged on what is read)', async () => {
    const result = await speak({ text: '<think>英語で答えよう。</think>Yes, it is.' });
    expect([result.language, result.text]).toEqual(['en', 'Yes, it is.']);
  });

  it('GIVEN an explicit language and voice THEN they win over detection and defaults', async () => {
    const result = await speak({ text: 'Tokyo', language: 'ja', voice: 'M1' });
    expect([result.language, result.voice]).toEqual(['ja', 'M1']);
  });

  it('GIVEN nothing speakable, too much text, an unspoken language or an unknown voice THEN clear user errors', async () => {
    expect((await userError(speak({ text: '<:wave:123456789012345678> ---' }))).message).toBe(
      'There is nothing to read aloud there (only code, links or formatting).',
    );
    const long = await userError(speak({ text: 'word '.repeat(500) }, {}, { maxChars: 1000 }));
    expect([long.code, long.message]).toEqual([
      'too_long',
      'That is 2500 characters to read aloud; I read at most 1000. Try a shorter text.',
    ]);
    const french = await userError(speak({ text: 'Bonjour, je suis là.', language: 'fr' }));
    expect([french.code, french.message]).toEqual([
      'unsupported_language',
      "I can't read French aloud. Languages I speak: Japanese, English.",
    ]);
    const voice = await userError(speak({ text: 'Hello.', voice: 'Z9' }));
    expect(voice.message).toBe('There is no voice "Z9" for English. Voices: F1, M1.');
    expect(speakInputSchema.safeParse({ text: '   ' }).error?.issues[0]?.message).toBe('there is nothing to read aloud');
    expect(speakInputSchema.safeParse({ text: 'Hi', timeZone: 'Mars/Olympus' }).error?.issues[0]?.message).toBe(
      'use an IANA time zone such as Asia/Tokyo',
    );
  });

  it("GIVEN a cancel after the first sentence THEN it stops there and returns that sentence's audio, marked stopped", async () => {
    const controller = new AbortController();
    const onReport = (p: LaneProgress) => p.stage?.en === 'reading aloud 2/3' && controller.abort('cancelled');
    const result = await speak({ text: 'One sentence. Two sentences. Three sentences.' }, { signal: controller.signal, onReport });
    expect([result.stopped, result.sentences, result.sentencesDone, result.text]).toEqual(['cancelled', 3, 1, 'One sentence.']);
    const whole = await speak({ text: 'One sentence.' });
    expect(result.samples).toBe(whole.samples);
  });

  it('GIVEN a cancel before any sentence THEN a cancelled UserError; GIVEN shutdown THEN the abort reason propagates (job handed back)', async () => {
    const cancelled = new AbortController();
    cancelled.abort('cancelled');
    expect((await userError(speak({ text: 'Hello.' }, { signal: cancelled.signal }))).code).toBe('cancelled');
    const shutdown = new AbortController();
    shutdown.abort('shutdown');
    await expect(speak({ text: 'Hello. Again.' }, { signal: shutdown.signal })).rejects.toBe('shutdown');
  });

  it("GIVEN audio over Discord's upload limit THEN it is refused with the size, not split", async () => {
    const error = await userError(speak({ text: 'A short sentence to say.' }, {}, { maxUploadBytes: 1000 }));
    expect(error.code).toBe('too_long');
    expect(error.message).toMatch(/^The spoken answer would be \d+ KB, over Discord's 1 KB upload limit\. Try a shorter text\.$/u);
  });
});

describe('speak settings', () => {
  it('GIVEN the defaults THEN Supertonic 3 speaks Japanese and English with voice F1', () => {
    expect(DEFAULT_SPEAK_SETTINGS.engines.supertonic?.model).toBeUndefined();
    expect(DEFAULT_SPEAK_SETTINGS.languages).toEqual({
      ja: { engine: 'supertonic', voice: 'F1' },
      en: { engine: 'supertonic', voice: 'F1' },
    });
  });

  it('GIVEN a language pointing at a missing engine, an unspoken language or a missing voice THEN every problem is listed', () => {
    const result = speakSettingsSchema.safeParse({
      ...DEFAULT_SPEAK_SETTINGS,
      languages: {
        en: { engine: 'kokoro', voice: 'af' },
        xx: { engine: 'supertonic', voice: 'F1' },
        ja: { engine: 'supertonic', voice: 'Q7' },
      },
    });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'languages.en: unknown engine "kokoro" (engines: supertonic)',
      'languages.xx: engine "supertonic" does not speak xx',
      'languages.ja: engine "supertonic" has no voice Q7 (F1, F2, F3, F4, F5, M1, M2, M3, M4, M5)',
    ]);
  });

  it('GIVEN an answer handed on to be shown and read THEN it is kept in the result, and a refusal still shows it with the reason', async () => {
    const answer = 'Opening hours are **9 to 5**.';
    const result = await speak({ text: answer, show: 'text' });
    expect(result).toMatchObject({ show: 'text', display: answer, text: 'Opening hours are 9 to 5.' });
    const refused = await userError(speak({ text: 'Ça va? Très bien.', language: 'fr', show: 'text' }));
    expect(refused.code).toBe('unsupported_language');
    expect(refused.text.en).toMatch(/^Ça va\? Très bien\.\n-# \(Not read aloud: I can't read French aloud/u);
    expect(refused.text.ja).toContain('読み上げられませんでした');
  });
});
