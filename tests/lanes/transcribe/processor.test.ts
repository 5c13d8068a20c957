/** The transcribe processor on the fixture Whisper: windows, silence, language choice, cancellation. */
import { afterAll, describe, expect, it } from 'vitest';
import { ModelRuntime } from '../../../src/inference/runtime.ts';
import type { LaneProgress } from '../../../src/lanes/process-context.ts';
import { transcribeLane } from '../../helpers/lanes.ts';
import { createTranscribeProcessor } from '../../../src/lanes/transcribe/processor.ts';
import { quietLogger, testConfig } from '../../helpers/env.ts';
import { composeWav, ctx, fixtureBytes, inline, samplesOf } from './helpers.ts';

const config = testConfig();
const runtime = new ModelRuntime({ models: config.models, logger: quietLogger });
afterAll(() => runtime.dispose());
const transcribe = createTranscribeProcessor({ config, runtime });

describe('transcribe processor: long audio', () => {
  it('GIVEN a 2-minute clip THEN it is recognised in windows with progress per window and timestamps in order', async () => {
    const progress: LaneProgress[] = [];
    const result = transcribeLane.result.parse(
      await transcribe({ audio: inline(fixtureBytes('long-2min.ogg')), language: 'en' }, ctx({ progress })),
    );
    const stages = progress.map((p) => p.stage?.en).filter((stage) => stage?.startsWith('transcribing '));
    expect(stages.slice(0, 5)).toEqual([
      'transcribing 1/5',
      'transcribing 2/5',
      'transcribing 3/5',
      'transcribing 4/5',
      'transcribing 5/5',
    ]);
    const percents = progress.flatMap((p) => (p.percent === undefined ? [] : [p.percent]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(result.segments).toHaveLength(5);
    const segments = result.segments ?? [];
    for (const [index, segment] of segments.entries()) {
      expect(segment.end).toBeGreaterThan(segment.start);
      expect(segment.start).toBeGreaterThanOrEqual(segments[index - 1]?.end ?? 0);
      expect(segment.end).toBeLessThanOrEqual(120);
    }
    expect(result.text).toBe(segments.map((segment) => segment.text).join(' '));
  });

  it('GIVEN speech, 70 s of silence, then speech THEN the silent window is skipped and the timestamps show the gap', async () => {
    const speech = await samplesOf('voice-en.ogg');
    const progress: LaneProgress[] = [];
    const result = await transcribe({ audio: inline(composeWav([speech, 70, speech])), language: 'en' }, ctx({ progress }));
    expect(progress.map((p) => p.stage?.en)).toContain('transcribing 3/3');
    const segments = result.segments ?? [];
    expect(segments.length).toBe(2);
    expect(segments[1]!.start - segments[0]!.end).toBeGreaterThan(65);
  });

  it('GIVEN the job is cancelled after the second window THEN it stops and keeps the windows done', async () => {
    const controller = new AbortController();
    const progress: LaneProgress[] = [];
    const context = ctx({ signal: controller.signal, progress });
    const result = await transcribe(
      { audio: inline(fixtureBytes('long-2min.ogg')), language: 'en' },
      {
        ...context,
        report: (p) => {
          context.report(p);
          if (p.stage?.en === 'transcribing 3/5') controller.abort('cancelled');
        },
      },
    );
    expect(result.stopped).toBe('cancelled');
    expect(result.segments?.length).toBeLessThan(5);
    expect(progress.map((p) => p.stage?.en)).not.toContain('transcribing 4/5');
  });
});

describe('transcribe processor: language', () => {
  it('GIVEN no language on a long enough clip THEN Whisper detects one, deterministically', async () => {
    const first = await transcribe({ audio: inline(fixtureBytes('voice-ja.ogg')), languageHint: 'en' }, ctx({ locale: 'en-US' }));
    expect(first).toMatchObject({ languageSource: 'detected' });
    expect(first.language).toMatch(/^[a-z]{2,3}$/u);
    expect((await transcribe({ audio: inline(fixtureBytes('voice-ja.ogg')) }, ctx())).language).toBe(first.language);
  });

  it('GIVEN a short clip THEN the last language beats the locale, and the locale beats detection', async () => {
    const audio = inline(fixtureBytes('voice-en.ogg'));
    expect(await transcribe({ audio, languageHint: 'en' }, ctx({ locale: 'ja' }))).toMatchObject({
      language: 'en',
      languageSource: 'hint',
    });
    expect(await transcribe({ audio }, ctx({ locale: 'ja' }))).toMatchObject({ language: 'ja', languageSource: 'hint' });
  });

  it('GIVEN a forced language THEN it wins over hints, and the text differs from another language run', async () => {
    const audio = inline(fixtureBytes('voice-en.ogg'));
    const ja = await transcribe({ audio, language: 'ja', languageHint: 'en' }, ctx({ locale: 'en-US' }));
    expect(ja).toMatchObject({ language: 'ja', languageSource: 'forced' });
    const en = await transcribe({ audio, language: 'en' }, ctx());
    expect(en.text).not.toBe(ja.text);
  });

  it('GIVEN a language the model does not know THEN the user is told', async () => {
    await expect(transcribe({ audio: inline(fixtureBytes('voice-en.ogg')), language: 'xx' }, ctx())).rejects.toMatchObject({
      code: 'unsupported_language',
    });
  });
});
