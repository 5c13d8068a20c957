import { describe, expect, it } from 'vitest';
import { decodeAudio, findFfmpeg } from '../../src/audio/index.ts';
import { db, expectUserError, fixture, LIMITS, makeWav, manifest, rms, sine } from './helpers.ts';

const ffmpeg = await findFfmpeg();
const NO_FFMPEG = { ffmpegPath: null };

describe('decoding each supported format to 16 kHz mono', () => {
  // In-process decoders only (ffmpeg disabled): these formats must work on a machine without it.
  const cases = [
    ['a Discord voice message (Ogg/Opus, English)', 'voice-en.ogg'],
    ['a Discord voice message (Ogg/Opus, Japanese)', 'voice-ja.ogg'],
    ['an MP3', 'speech-en.mp3'],
    ['a 16-bit WAV', 'speech-en.wav'],
    ['a FLAC', 'speech-en.flac'],
    ['a stereo 44.1 kHz WAV', 'tone-440-stereo-44k.wav'],
    ['a two-minute voice message', 'long-2min.ogg'],
  ] as const;
  for (const [what, name] of cases) {
    it(`GIVEN ${what} THEN duration matches ffmpeg within 1 ms and loudness within 0.5 dB`, async () => {
      const ref = manifest[name]!;
      const audio = await decodeAudio(fixture(name), LIMITS, NO_FFMPEG);
      expect(audio.sampleRate).toBe(16000);
      expect(Math.abs(audio.durationSec - ref.durationSec)).toBeLessThan(0.001);
      expect(Math.abs(audio.samples.length - audio.durationSec * 16000)).toBeLessThanOrEqual(1);
      expect(Math.abs(db(rms(audio.samples) / ref.rms16k))).toBeLessThan(0.5);
      expect(audio.sourceSampleRate).toBe(ref.sampleRate);
      expect(audio.sourceChannels).toBe(ref.channels);
    });
  }

  it.skipIf(!ffmpeg)('GIVEN an M4A (moov atom at the end) and ffmpeg on PATH THEN ffmpeg decodes it', async () => {
    const ref = manifest['speech-en.m4a']!;
    const audio = await decodeAudio(fixture('speech-en.m4a'), LIMITS);
    expect(audio.sourceFormat).toBe('mp4');
    expect(Math.abs(audio.durationSec - ref.durationSec)).toBeLessThan(0.001);
    expect(Math.abs(db(rms(audio.samples) / ref.rms16k))).toBeLessThan(0.5);
    expect(audio.sourceSampleRate).toBe(22050);
    expect(audio.sourceChannels).toBe(1);
  });

  it('GIVEN an M4A and no ffmpeg THEN the user is told ffmpeg is needed on the worker', async () => {
    const error = await expectUserError(decodeAudio(fixture('speech-en.m4a'), LIMITS, NO_FFMPEG), 'audio_unsupported');
    expect(error.message).toBe('Install ffmpeg on the worker machine to transcribe M4A/AAC files.');
    const missing = decodeAudio(fixture('speech-en.m4a'), LIMITS, { ffmpegPath: '/nonexistent/ffmpeg' });
    expect((await expectUserError(missing, 'audio_unsupported')).message).toMatch(/Install ffmpeg/);
  });

  it.skipIf(!ffmpeg)('GIVEN an ffmpeg decode that is cancelled or runs too long THEN ffmpeg is stopped', async () => {
    const controller = new AbortController();
    const running = decodeAudio(fixture('speech-en.m4a'), LIMITS, { signal: controller.signal });
    setTimeout(() => controller.abort(), 1);
    await expectUserError(running, 'cancelled');
    const slow = decodeAudio(fixture('speech-en.m4a'), LIMITS, { ffmpegTimeoutMs: 1 });
    expect((await expectUserError(slow, 'audio_corrupt')).message).toMatch(/took too long/);
  });

  it.skipIf(!ffmpeg)('GIVEN unknown binary data and ffmpeg THEN it is refused as not audio', async () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 251);
    await expectUserError(decodeAudio(noise, LIMITS), 'audio_unsupported');
  });

  const layouts = [
    { bits: 8 },
    { bits: 16, channels: 2 },
    { bits: 24 },
    { bits: 32 },
    { bits: 32, float: true, channels: 3 },
    { bits: 16, extensible: true },
    { bits: 32, float: true, extensible: true },
  ] as const;
  for (const layout of layouts) {
    it(`GIVEN a WAV with ${JSON.stringify(layout)} THEN it is parsed in-process at the right level`, async () => {
      const wav = makeWav(sine(1000, 8000, 0.5, 0.5), 8000, layout);
      const audio = await decodeAudio(wav, LIMITS, NO_FFMPEG);
      expect(audio.durationSec).toBe(0.5);
      expect(audio.samples.length).toBe(8000);
      expect(audio.sourceChannels).toBe('channels' in layout ? layout.channels : 1);
      expect(Math.abs(db(rms(audio.samples, 200, 7800) / (0.5 / Math.SQRT2)))).toBeLessThan(0.1);
    });
  }
});

describe('refusing input the user sent', () => {
  it('GIVEN an upload cut off half-way THEN it is refused as corrupt', async () => {
    await expectUserError(decodeAudio(fixture('truncated.ogg'), LIMITS, NO_FFMPEG), 'audio_corrupt');
    for (const name of ['speech-en.wav', 'speech-en.flac']) {
      const whole = fixture(name);
      await expectUserError(decodeAudio(whole.subarray(0, whole.length >> 1), LIMITS, NO_FFMPEG), 'audio_corrupt');
    }
  });

  it('GIVEN a text file named .ogg THEN the user is told it looks like text', async () => {
    const error = await expectUserError(decodeAudio(fixture('not-audio.ogg'), LIMITS), 'audio_unsupported');
    expect(error.message).toBe('This file is not audio I can read (it looks like text).');
  });

  it('GIVEN an empty file THEN it is refused as corrupt', async () => {
    await expectUserError(decodeAudio(new Uint8Array(0), LIMITS), 'audio_corrupt');
  });

  it('GIVEN an already cancelled request THEN it stops with a cancelled UserError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectUserError(decodeAudio(fixture('voice-en.ogg'), LIMITS, { signal: controller.signal }), 'cancelled');
  });
});
