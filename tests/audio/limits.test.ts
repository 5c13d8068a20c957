import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeAudio } from '../../src/audio/index.ts';
import type * as WasmModule from '../../src/audio/wasm.ts';
import { decodeWasm } from '../../src/audio/wasm.ts';
import { expectUserError, fixture, LIMITS, makeWav, sine } from './helpers.ts';

// Spy on the in-process decoders so the tests can tell "refused from the header" from "decoded, then refused".
vi.mock('../../src/audio/wasm.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof WasmModule>();
  return { ...actual, decodeWasm: vi.fn(actual.decodeWasm) };
});

afterEach(() => vi.mocked(decodeWasm).mockClear());

describe('size and duration limits', () => {
  it('GIVEN a file over maxBytes THEN it is refused as too large without decoding', async () => {
    const bytes = fixture('voice-ja.ogg');
    const error = await expectUserError(decodeAudio(bytes, { maxBytes: 20 * 1024, maxDurationSec: 600 }), 'audio_too_large');
    expect(error.message).toBe('This file is 31 KB; the limit here is 20 KB.');
    expect(decodeWasm).not.toHaveBeenCalled();
  });

  it('GIVEN a voice message longer than the limit THEN its Ogg header rejects it before decoding', async () => {
    const error = await expectUserError(
      decodeAudio(fixture('long-2min.ogg'), { maxBytes: LIMITS.maxBytes, maxDurationSec: 60 }),
      'audio_too_long',
    );
    expect(error.message).toBe('This clip is 2 min long; the limit here is 1 min.');
    expect(decodeWasm).not.toHaveBeenCalled();
  });

  it('GIVEN a FLAC longer than the limit THEN STREAMINFO rejects it before decoding', async () => {
    const error = await expectUserError(
      decodeAudio(fixture('speech-en.flac'), { maxBytes: LIMITS.maxBytes, maxDurationSec: 1 }),
      'audio_too_long',
    );
    expect(error.message).toBe('This clip is 3 s long; the limit here is 1 s.');
    expect(decodeWasm).not.toHaveBeenCalled();
  });

  it('GIVEN a WAV longer than the limit THEN the data chunk size rejects it', async () => {
    const wav = makeWav(sine(440, 16000, 12.5), 16000, { bits: 16 });
    const decoding = decodeAudio(wav, { maxBytes: LIMITS.maxBytes, maxDurationSec: 10 });
    const error = await expectUserError(decoding, 'audio_too_long');
    expect(error.message).toBe('This clip is 13 s long; the limit here is 10 s.');
  });

  it('GIVEN an MP3 whose header does not announce its length THEN decoding stops at the limit', async () => {
    const mp3 = fixture('speech-en.mp3').slice();
    const tag = Buffer.from(mp3).indexOf('Info');
    expect(tag).toBeGreaterThan(0);
    mp3.set([0x58, 0x58, 0x58, 0x58], tag); // hide the Xing/Info frame count
    const decoding = decodeAudio(mp3, { maxBytes: LIMITS.maxBytes, maxDurationSec: 1 });
    const error = await expectUserError(decoding, 'audio_too_long');
    expect(error.message).toBe('This clip is longer than 1 s, the limit here.');
    expect(decodeWasm).toHaveBeenCalledOnce();
  });

  it('GIVEN a clip within the limits THEN it decodes', async () => {
    const audio = await decodeAudio(fixture('voice-en.ogg'), { maxBytes: 10_000, maxDurationSec: 3 });
    expect(audio.durationSec).toBeCloseTo(2.0916, 3);
  });
});
