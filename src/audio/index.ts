/**
 * src/audio — bytes in, 16 kHz mono Float32Array out.
 *
 * Contract: `decodeAudio` accepts any attachment's bytes, identifies the format by content (never by
 * name), enforces the byte and duration limits before decoding where the container allows, and either
 * resolves with 16 kHz mono PCM or rejects with a `UserError` (audio_* / cancelled) whose message can be
 * shown to the Discord user as is. Opus/Vorbis/MP3/FLAC/WAV decode in-process; WebM, M4A/AAC and other
 * containers need a system ffmpeg. `trimSilence` tells the lane whether there is speech to transcribe; `frameActivity` is the
 * voice-activity step the lane cuts long audio with.
 */
export { decodeAudio, type AudioLimits, type DecodedAudio, type DecodeOptions } from './decode.ts';
export { findFfmpeg } from './ffmpeg.ts';
export { Resampler, resampleTo16k, TARGET_SAMPLE_RATE } from './resample.ts';
export { activeMs, frameActivity, trimSilence, type FrameActivity, type SilenceOptions, type TrimResult } from './silence.ts';
export { sniffAudio, type AudioFormat } from './sniff.ts';
