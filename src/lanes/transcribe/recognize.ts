/**
 * The window loop: each window is decoded on its own so the job reports progress per window and
 * checks for cancellation between windows (and between decoding steps, through a stopping criterion).
 * Windows without speech (energy VAD) are skipped before Whisper sees them; windows Whisper marks as
 * no speech are dropped after. The language is detected on the first window with speech and then
 * kept for the rest, so one clip is not transcribed in two languages.
 */
import { activeMs, type FrameActivity } from '../../audio/index.ts';
import type { LaneProgress } from '../process-context.ts';
import { transcribeMessages as m } from './messages.ts';
import { decodeWindow, type WhisperParts } from './decoder.ts';
import { stitchPieces, type WindowText } from './stitch.ts';
import { speechBounds, type AudioWindow } from './windows.ts';
import type { TranscriptSegment } from './schema.ts';

export interface RecognizeOptions {
  readonly sampleRate: number;
  /** Forced language, or undefined to detect on the first speech window. */
  readonly language: string | undefined;
  readonly task: 'transcribe' | 'translate';
  readonly noSpeechThreshold: number;
  /** Seconds to add to window times (the trimmed leading silence). */
  readonly offsetSec: number;
  readonly signal: AbortSignal;
  readonly report: (progress: LaneProgress) => void;
}

export interface Recognized {
  readonly text: string;
  readonly language: string | null;
  readonly segments: TranscriptSegment[];
  /** False when the signal stopped the loop before the last window. */
  readonly complete: boolean;
}

/** Less active audio than this in a window is not worth a Whisper run. */
const MIN_WINDOW_SPEECH_MS = 200;

export async function recognizeWindows(
  asr: WhisperParts,
  samples: Float32Array,
  windows: readonly AudioWindow[],
  activity: FrameActivity,
  options: RecognizeOptions,
): Promise<Recognized> {
  const { sampleRate, signal, report } = options;
  const kept: (WindowText & { window: AudioWindow })[] = [];
  let language = options.language ?? null;
  let previousKept = false;
  let complete = true;
  for (const [index, window] of windows.entries()) {
    if (signal.aborted) {
      complete = false;
      break;
    }
    report({ stage: m.window(index + 1, windows.length), percent: Math.round((100 * index) / windows.length) });
    if (activeMs(activity, window.start, window.end) < MIN_WINDOW_SPEECH_MS) {
      previousKept = false;
      continue;
    }
    const decoded = await decodeWindow(asr, samples.subarray(window.start, window.end), {
      language: language ?? undefined,
      task: options.task,
      signal,
    });
    if (signal.aborted) {
      complete = false; // the window's text is cut short: leave it out
      break;
    }
    // OpenAI's rule: no-speech token likely *and* the text itself unlikely.
    const noSpeech = decoded.noSpeechProbability > options.noSpeechThreshold && decoded.avgLogprob < -1;
    if (noSpeech || !decoded.text) {
      previousKept = false;
      continue;
    }
    language ??= decoded.language;
    const overlapSec = previousKept ? window.overlap / sampleRate : 0;
    kept.push({ text: decoded.text, overlapSec, durationSec: (window.end - window.start) / sampleRate, window });
    previousKept = true;
  }
  if (complete) report({ stage: m.window(windows.length, windows.length), percent: 100 });
  const pieces = stitchPieces(kept);
  const segments = kept.flatMap((part, index) => {
    const text = pieces[index]?.trim() ?? '';
    if (!text) return [];
    const next = kept[index + 1];
    // A window's share of the audio ends halfway through the overlap with the next one.
    const from = part.window.start + (part.overlapSec ? part.window.overlap / 2 : 0);
    const to = part.window.end - (next?.overlapSec ? next.window.overlap / 2 : 0);
    const speech = speechBounds(activity, from, to);
    return [{ start: round(options.offsetSec + speech.start / sampleRate), end: round(options.offsetSec + speech.end / sampleRate), text }];
  });
  return { text: pieces.join('').trim(), language, segments, complete };
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;
