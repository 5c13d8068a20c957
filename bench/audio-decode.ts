/**
 * Decoding + resampling speed for a 10-minute Discord-style voice note (OGG/Opus, 48 kHz mono,
 * 32 kbps), made on the fly with ffmpeg. Target: >= 200x real time on one core.
 *
 * Floor: ffmpeg decoding the same file to 16 kHz mono float (the native decoder kotodama falls back to).
 *
 *   npm run bench -- --only audio-decode [--minutes=10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeAudio, findFfmpeg } from '../src/audio/index.ts';
import { option, ratioOf, report, round, size } from './lib/report.ts';

const minutes = Number(option('minutes', String(size(10, 0.1))));
const ffmpeg = await findFfmpeg();
if (!ffmpeg) {
  report({ name: 'audio-decode', skipped: 'ffmpeg is needed to make the test clip', floor: null, ratio: null });
  process.exit(0);
}
const file = path.join(mkdtempSync(path.join(tmpdir(), 'kotodama-bench-')), 'voice.ogg');
// Pink-ish noise with a tone: the encoder works as hard as on speech.
execFileSync(ffmpeg, [
  '-loglevel',
  'error',
  '-f',
  'lavfi',
  '-i',
  `anoisesrc=d=${minutes * 60}:c=pink:a=0.2`,
  '-ac',
  '1',
  '-ar',
  '48000',
  '-c:a',
  'libopus',
  '-b:a',
  '32k',
  file,
]);
const bytes = new Uint8Array(readFileSync(file));
const limits = { maxBytes: 1e9, maxDurationSec: 24 * 3600 };

const ffmpegRuns: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  execFileSync(ffmpeg, ['-loglevel', 'error', '-i', file, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  ffmpegRuns.push(performance.now() - started);
}
const runs: number[] = [];
let peakRss = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const decoded = await decodeAudio(bytes, limits, { ffmpegPath: null });
  runs.push(performance.now() - started);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (Math.abs(decoded.durationSec - minutes * 60) > 1) throw new Error(`decoded ${decoded.durationSec} s`);
}
const best = Math.min(...runs);
const floor = Math.min(...ffmpegRuns);
report({
  name: 'audio-decode',
  clipSec: minutes * 60,
  bestMs: Math.round(best),
  xRealtime: Math.round((minutes * 60_000) / best),
  peakRssMb: Math.round(peakRss / 1e6),
  outputBufferMb: round((minutes * 60 * 16000 * 4) / 1e6, 1),
  floor: { ffmpegBestMs: Math.round(floor), ffmpegXRealtime: Math.round((minutes * 60_000) / floor) },
  ratio: ratioOf(best, floor),
  target: { xRealtimeMin: 200 },
});
