/** Checks shared by the voice-reply end-to-end tests: the bot's voice messages as the fake Discord received them. */
import { expect } from 'vitest';
import { decodeAudio } from '../../src/audio/decode.ts';
import type { FakeDiscord, RequestLogEntry } from '../discord-server/index.ts';

/** Discord's IS_VOICE_MESSAGE message flag. */
export const VOICE_FLAG = 1 << 13;

interface VoiceBody {
  flags?: number;
  content?: string;
  allowed_mentions?: { parse?: unknown[] };
  attachments?: { id: number; filename: string; duration_secs?: number; waveform?: string }[];
}

/** The bot's accepted voice-message POST to `channelId` after request number `after`. */
export function voicePost(server: FakeDiscord, channelId: string, after: number, timeoutMs = 60_000): Promise<RequestLogEntry> {
  return server.waitFor(
    () =>
      server
        .requestsTo('POST', `/channels/${channelId}/messages`)
        .find((entry) => entry.seq > after && entry.status === 200 && ((entry.body as VoiceBody).flags ?? 0) & VOICE_FLAG),
    timeoutMs,
    'voice message',
  );
}

/** A real voice message: the flag, no text, no pings, one OGG/Opus file that decodes to its stated duration. */
export async function expectVoiceMessage(entry: RequestLogEntry): Promise<void> {
  const body = entry.body as VoiceBody;
  expect(body.flags).toBe(VOICE_FLAG);
  expect(body.content ?? '').toBe('');
  expect(body.allowed_mentions?.parse).toEqual([]);
  expect(body.attachments).toHaveLength(1);
  const meta = body.attachments?.[0];
  expect(meta?.duration_secs).toBeGreaterThan(0);
  const waveform = Buffer.from(meta?.waveform ?? '', 'base64');
  expect(waveform.length).toBeGreaterThan(0);
  expect(waveform.length).toBeLessThanOrEqual(256);
  expect(entry.files).toHaveLength(1);
  const file = entry.files[0];
  expect(file?.contentType).toBe('audio/ogg');
  expect(file?.bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
  const decoded = await decodeAudio(new Uint8Array(file?.bytes ?? []), { maxBytes: 1e7, maxDurationSec: 600 }, { ffmpegPath: null });
  expect(decoded.durationSec).toBeGreaterThan(0);
  expect(Math.abs(decoded.durationSec - (meta?.duration_secs ?? 0))).toBeLessThan(0.1);
}
