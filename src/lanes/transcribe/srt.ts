/** Transcript files: SubRip (.srt) from the segments, and plain text with a timestamp per segment. */
import type { TranscriptSegment } from './schema.ts';

/** `00:01:02,345` (SubRip) or `00:01:02` (text). */
export function timestamp(seconds: number, millis = true): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const clock = `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}`;
  return millis ? `${clock},${pad(total % 1000, 3)}` : clock;
}

export function toSrt(segments: readonly TranscriptSegment[]): string {
  return segments
    .filter((segment) => segment.text.trim())
    .map(
      (segment, index) =>
        `${index + 1}\n${timestamp(segment.start)} --> ${timestamp(Math.max(segment.end, segment.start + 0.5))}\n${segment.text.trim()}\n`,
    )
    .join('\n');
}

export function toText(segments: readonly TranscriptSegment[]): string {
  return segments
    .filter((segment) => segment.text.trim())
    .map((segment) => `[${timestamp(segment.start, false)}] ${segment.text.trim()}`)
    .join('\n')
    .concat('\n');
}
