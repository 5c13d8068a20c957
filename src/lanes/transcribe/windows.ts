/**
 * Cuts long audio into windows Whisper can take (at most 30 s each). A window ends at the longest
 * pause found in its last few seconds (energy VAD): a cut in a pause splits no word, so the windows
 * simply follow each other. Only when someone talks through the whole search span is the window cut
 * hard at its full length, and then the next one starts `overlapSec` earlier so the words at the seam
 * are heard whole by one of the two; the stitcher removes the doubled words.
 */
import type { FrameActivity } from '../../audio/index.ts';

export interface AudioWindow {
  /** Sample offsets into the clip. */
  readonly start: number;
  readonly end: number;
  /** Samples at the start shared with the previous window (0 when cut at a pause). */
  readonly overlap: number;
}

export interface WindowOptions {
  /** Longest window (Whisper's input is 30 s). */
  readonly windowSec: number;
  /** Shared audio between two windows cut in the middle of speech. */
  readonly overlapSec: number;
  /** How far back from a window's end to look for a pause. */
  readonly searchSec?: number;
  /** Shortest silence that counts as a pause to cut at. */
  readonly minPauseMs?: number;
}

export function planWindows(length: number, sampleRate: number, activity: FrameActivity, options: WindowOptions): AudioWindow[] {
  const window = Math.round(options.windowSec * sampleRate);
  const overlapSamples = Math.round(Math.min(options.overlapSec, options.windowSec / 3) * sampleRate);
  const search = Math.round(Math.min(options.searchSec ?? 8, options.windowSec / 2) * sampleRate);
  const minPauseFrames = Math.max(1, Math.round((options.minPauseMs ?? 300) / activity.frameMs));
  const windows: AudioWindow[] = [];
  let start = 0;
  let overlap = 0;
  while (start < length) {
    if (length - start <= window) {
      windows.push({ start, end: length, overlap });
      break;
    }
    const pause = longestPause(activity, start + window - search, start + window, minPauseFrames);
    if (pause !== null) {
      windows.push({ start, end: pause, overlap });
      start = pause;
      overlap = 0;
    } else {
      windows.push({ start, end: start + window, overlap });
      start += window - overlapSamples;
      overlap = overlapSamples;
    }
  }
  return windows;
}

/** The middle (sample offset) of the longest run of inactive frames in [from, to), latest on ties. */
function longestPause(activity: FrameActivity, from: number, to: number, minFrames: number): number | null {
  const { frame, active } = activity;
  const first = Math.ceil(from / frame);
  const last = Math.min(active.length, Math.floor(to / frame));
  let best: { start: number; length: number } | null = null;
  let runStart = -1;
  for (let f = first; f <= last; f++) {
    const quiet = f < last && !active[f];
    if (quiet && runStart < 0) runStart = f;
    if (!quiet && runStart >= 0) {
      const run = { start: runStart, length: f - runStart };
      if (run.length >= minFrames && (!best || run.length >= best.length)) best = run;
      runStart = -1;
    }
  }
  return best ? Math.round((best.start + best.length / 2) * frame) : null;
}

/** Sample offsets of the first and last active audio in [start, end), or the range itself when none. */
export function speechBounds(activity: FrameActivity, start: number, end: number): { start: number; end: number } {
  const { frame, active } = activity;
  let first = -1;
  let last = -1;
  for (let f = Math.floor(start / frame); f < Math.min(active.length, Math.ceil(end / frame)); f++) {
    if (!active[f]) continue;
    if (first < 0) first = f;
    last = f;
  }
  if (first < 0) return { start, end };
  return { start: Math.max(start, first * frame), end: Math.min(end, (last + 1) * frame) };
}
