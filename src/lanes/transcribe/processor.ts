/**
 * Speech to text: fetch the audio (inline or from an allowed attachment host), decode it to 16 kHz
 * mono, skip silence (Whisper invents words on it), choose the language (forced, hinted on short
 * clips, or detected), cut long audio into windows at pauses, and recognise window by window with
 * progress, stitching the windows' texts and keeping window-level timestamps.
 */
import { decodeAudio, findFfmpeg, frameActivity, trimSilence } from '../../audio/index.ts';
import { UserError } from '../../core/errors.ts';
import type { LaneDeps } from '../lane.ts';
import { abortReason, type LaneProcessor } from '../process-context.ts';
import type { WhisperParts } from './decoder.ts';
import { fetchAudio } from './fetch.ts';
import { planLanguage } from './language.ts';
import { transcribeMessages as m } from './messages.ts';
import { recognizeWindows } from './recognize.ts';
import type { TranscribeInput, TranscribeResult } from './schema.ts';
import { planWindows } from './windows.ts';

const SAMPLE_RATE = 16000;

export function createTranscribeProcessor({
  config,
  runtime,
}: Pick<LaneDeps, 'config' | 'runtime'>): LaneProcessor<TranscribeInput, TranscribeResult> {
  const lane = config.lanes.transcribe;
  const settings = config.transcribe;
  const ffmpeg = findFfmpeg();
  return async (input, { signal, report, context }) => {
    report({ stage: m.downloading });
    const limits = config.limits.audio;
    const bytes = await fetchAudio(input.audio, { maxBytes: limits.maxBytes, allowedHosts: config.attachments.hosts }, signal);
    report({ stage: m.decoding });
    const audio = await decodeAudio(bytes, limits, { ffmpegPath: await ffmpeg, signal });
    const trimmed = trimSilence(audio.samples, audio.sampleRate);
    if (!trimmed.hasSpeech) return { text: '', language: null, durationSec: audio.durationSec };

    report({ stage: m.loadingModel });
    const asr = await runtime.load({ task: 'automatic-speech-recognition', model: lane.model, dtype: lane.dtype, device: lane.device });
    const parts = asr as unknown as WhisperParts;
    const generation = parts.model.generation_config as { is_multilingual?: boolean; lang_to_id?: Record<string, number> };
    const multilingual = Boolean(generation.is_multilingual);
    const known = (code: string) => (multilingual ? `<|${code}|>` in (generation.lang_to_id ?? {}) : code === 'en');
    const plan = planLanguage(
      input,
      { configured: settings.language, shortClipSec: settings.shortClipSec },
      trimmed.samples.length / SAMPLE_RATE,
      context.locale,
      known,
    );
    if (plan.language && !known(plan.language)) {
      throw new UserError('unsupported_language', multilingual ? m.unknownSpokenLanguage(plan.language) : m.englishOnly(plan.language));
    }
    signal.throwIfAborted();

    const activity = frameActivity(trimmed.samples, SAMPLE_RATE);
    const windows = planWindows(trimmed.samples.length, SAMPLE_RATE, activity, settings);
    const recognized = await recognizeWindows(parts, trimmed.samples, windows, activity, {
      sampleRate: SAMPLE_RATE,
      language: multilingual ? plan.language : undefined,
      task: multilingual ? (input.task ?? settings.task) : 'transcribe',
      noSpeechThreshold: settings.noSpeechThreshold,
      offsetSec: trimmed.startSec,
      signal,
      report,
    });
    const result: TranscribeResult = {
      text: recognized.text,
      language: recognized.text ? (multilingual ? recognized.language : 'en') : null,
      durationSec: audio.durationSec,
      ...(recognized.text ? { languageSource: plan.source } : {}),
      segments: recognized.segments,
    };
    if (recognized.complete) return result;
    const reason = abortReason(signal);
    if (reason === 'shutdown') signal.throwIfAborted(); // the worker hands the job back untouched
    if (!recognized.text) throw reason === 'timeout' ? new UserError('too_long', m.tookTooLong) : new UserError('cancelled', m.cancelled);
    return { ...result, stopped: reason === 'timeout' ? 'timeout' : 'cancelled' };
  };
}
