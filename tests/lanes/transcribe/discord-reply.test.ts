/** How a transcript is posted on Discord: inline or as .txt/.srt files, with its buttons, in the reader's language. */
import { describe, expect, it } from 'vitest';
import { renderTranscriptForDiscord } from '../../../src/lanes/transcribe/render.ts';
import type { TranscribeResult } from '../../../src/lanes/transcribe/schema.ts';
import { toSrt } from '../../../src/lanes/transcribe/srt.ts';
import { testConfig } from '../../helpers/env.ts';

const config = testConfig({ transcribe: { attachAfterSec: 60 } });
const segments = [
  { start: 0.5, end: 24, text: 'first part' },
  { start: 25.3, end: 3725.25, text: 'second part' },
];

const result = (durationSec: number, language = 'en'): TranscribeResult => ({
  text: 'first part second part',
  language,
  durationSec,
  languageSource: 'detected',
  segments,
});

const buttonIds = (rendered: ReturnType<typeof renderTranscriptForDiscord>) =>
  (rendered.components ?? []).flatMap((row) => row.components.map((component) => ('custom_id' in component ? component.custom_id : '')));

describe('transcripts on Discord', () => {
  it('GIVEN a short clip THEN the transcript is inline, with buttons and no files', () => {
    const rendered = renderTranscriptForDiscord(result(30), 'transcribe-123', 'en', config);
    expect(rendered.content).toBe('first part second part\n-# transcript of 30.0 s of audio, English');
    expect(rendered.files ?? []).toEqual([]);
    expect(buttonIds(rendered)).toEqual(['tx:ja:transcribe-123', 'tx:tr:transcribe-123', 'tx:ans:transcribe-123']);
  });

  it('GIVEN a Japanese reader THEN the footer and the buttons are in Japanese', () => {
    const rendered = renderTranscriptForDiscord(result(30, 'ja'), 'transcribe-9', 'ja', config);
    expect(rendered.content).toBe('first part second part\n-# 30.0秒の音声の文字起こし（日本語）');
    const labels = (rendered.components ?? []).flatMap((row) =>
      row.components.map((component) => ('label' in component ? component.label : '')),
    );
    expect(labels).toEqual(['英語として文字起こし', '翻訳 → 英語', '回答する']);
  });

  it('GIVEN a clip over attachAfterSec THEN the transcript comes as .txt and .srt with timestamps', () => {
    const rendered = renderTranscriptForDiscord(result(3726, 'ja'), 'transcribe-1', 'en', config);
    expect((rendered.files ?? []).map((file) => file.name)).toEqual(['transcript.txt', 'transcript.srt']);
    expect(rendered.files?.[0]?.data.toString()).toBe('[00:00:00] first part\n[00:00:25] second part\n');
    expect(rendered.files?.[1]?.data.toString()).toBe(toSrt(segments));
    expect(toSrt(segments)).toBe('1\n00:00:00,500 --> 00:00:24,000\nfirst part\n\n2\n00:00:25,300 --> 01:02:05,250\nsecond part\n');
    expect(rendered.content).toMatch(/62:06 of audio, Japanese.*attached/u);
  });
});
