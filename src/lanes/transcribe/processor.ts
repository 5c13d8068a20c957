/**
 * Speech to text: fetch the audio (inline or from an allowed attachment host), decode it to 16 kHz
 * mono, skip silence (Whisper invents words on it), then run Whisper in 30 s windows with overlap.
 */
import { decodeAudio, findFfmpeg, trimSilence } from '../../audio/index.ts';
import type { Config } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import type { ModelRuntime } from '../../inference/runtime.ts';
import type { LaneProcessor } from '../processor.ts';
import { resolveLane } from '../registry.ts';
import { fetchAudio } from './fetch.ts';

export interface TranscribeDeps {
  readonly config: Config;
  readonly runtime: ModelRuntime;
}

export function createTranscribeProcessor({ config, runtime }: TranscribeDeps): LaneProcessor<'transcribe'> {
  const lane = resolveLane(config, 'transcribe');
  const ffmpeg = findFfmpeg();
  return async (input, { signal, report }) => {
    report({ stage: 'downloading' });
    const limits = config.limits.audio;
    const bytes = await fetchAudio(input.audio, { maxBytes: limits.maxBytes, allowedHosts: config.attachments.hosts }, signal);
    report({ stage: 'decoding' });
    const audio = await decodeAudio(bytes, limits, { ffmpegPath: await ffmpeg, signal });
    const trimmed = trimSilence(audio.samples, audio.sampleRate);
    if (!trimmed.hasSpeech) return { text: '', language: null, durationSec: audio.durationSec };

    const asr = await runtime.load({ task: 'automatic-speech-recognition', model: lane.model, dtype: lane.dtype, device: lane.device });
    const configured = config.transcribe.language === 'auto' ? undefined : config.transcribe.language;
    const language = input.language ?? configured;
    const multilingual = asr.model.config.model_type === 'whisper' && Boolean((asr.model.generation_config as { is_multilingual?: boolean } | null)?.is_multilingual);
    if (language && !multilingual && language !== 'en') {
      throw new UserError('unsupported_language', `The speech model here only knows English, not "${language}".`);
    }
    signal.throwIfAborted();
    report({ stage: 'transcribing', percent: 0 });
    const output = await asr(trimmed.samples, {
      ...(multilingual ? { task: input.task ?? config.transcribe.task, ...(language ? { language } : {}) } : {}),
      chunk_length_s: 30,
      stride_length_s: 5,
    } as never);
    const first = Array.isArray(output) ? output[0] : output;
    report({ percent: 100 });
    return { text: ((first as { text?: string } | undefined)?.text ?? '').trim(), language: language ?? null, durationSec: audio.durationSec };
  };
}
