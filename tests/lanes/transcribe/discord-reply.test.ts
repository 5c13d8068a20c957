/** How a transcript is posted on Discord: inline or as .txt/.srt files, with its buttons; what they queue. */
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/bot/discord/transcript.ts';
import { requestFor } from '../../../src/bot/discord/handlers/transcript-buttons.ts';
import { toSrt } from '../../../src/lanes/transcribe/srt.ts';
import type { ReplyEnvelope } from '../../../src/queue/envelope.ts';
import { testConfig } from '../../helpers/env.ts';

const config = testConfig({ transcribe: { attachAfterSec: 60 } });
const segments = [
  { start: 0.5, end: 24, text: 'first part' },
  { start: 25.3, end: 3725.25, text: 'second part' },
];

function reply(durationSec: number, language = 'en'): ReplyEnvelope {
  const result = { text: 'first part second part', language, durationSec, languageSource: 'detected', segments };
  return {
    jobId: 'transcribe-123',
    lane: 'transcribe',
    sourceId: '123',
    context: { origin: 'discord', userId: 'u' },
    target: {},
    outcome: { ok: true, result },
  };
}

describe('transcripts on Discord', () => {
  it('GIVEN a short clip THEN the transcript is inline, with buttons and no files', () => {
    const rendered = renderReply(reply(30), config);
    expect(rendered.text).toMatch(/^first part second part\n-# transcript of 30\.0 s/u);
    expect(rendered.files).toEqual([]);
    const ids = rendered.components.flatMap((row) => row.components.map((button) => button['custom_id']));
    expect(ids).toEqual(['tx:ja:transcribe-123', 'tx:tr:transcribe-123', 'tx:faq:transcribe-123']);
  });

  it('GIVEN a clip over attachAfterSec THEN the transcript comes as .txt and .srt with timestamps', () => {
    const rendered = renderReply(reply(3726, 'ja'), config);
    expect(rendered.files.map((file) => file.name)).toEqual(['transcript.txt', 'transcript.srt']);
    expect(rendered.files[0]!.data.toString()).toBe('[00:00:00] first part\n[00:00:25] second part\n');
    expect(rendered.files[1]!.data.toString()).toBe(toSrt(segments));
    expect(toSrt(segments)).toBe('1\n00:00:00,500 --> 00:00:24,000\nfirst part\n\n2\n00:00:25,300 --> 01:02:05,250\nsecond part\n');
    expect(rendered.text).toMatch(/62:06 of audio, Japanese.*attached/u);
  });

  it('GIVEN each button THEN it queues the right step from the stored transcription', () => {
    const original = { audio: { kind: 'url', url: 'https://cdn.discordapp.com/a.ogg' } };
    expect(requestFor('tr', 'こんにちは', 'ja', original)).toEqual({ lane: 'translate', input: { text: 'こんにちは', to: 'en' } });
    expect(requestFor('tr', 'hello', 'en', original)).toEqual({ lane: 'translate', input: { text: 'hello', to: 'ja' } });
    expect(requestFor('faq', 'how?', 'en', original)).toEqual({ lane: 'faq', input: { question: 'how?' } });
    expect(requestFor('ja', 'hello', 'en', original)).toEqual({ lane: 'transcribe', input: { audio: original.audio, language: 'ja' } });
  });
});
