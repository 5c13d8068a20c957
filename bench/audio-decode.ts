/**
 * Decoding + resampling speed for a 10-minute Discord-style voice note (OGG/Opus, 48 kHz mono,
 * 32 kbps), made on the fly with ffmpeg. Target: >= 200x real time on one core.
 *
 *   npx tsx bench/audio-decode.ts [minutes=10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeAudio, findFfmpeg } from '../src/audio/index.ts';

const minutes = Number(process.argv[2] ?? 10);
const ffmpeg = await findFfmpeg();
if (!ffmpeg) {
  console.log(JSON.stringify({ bench: 'audio-decode', skipped: 'ffmpeg is needed to make the test clip' }));
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
console.log(
  JSON.stringify({
    bench: 'audio-decode',
    clip_s: minutes * 60,
    best_ms: Math.round(best),
    x_realtime: Math.round((minutes * 60_000) / best),
    peak_rss_mb: Math.round(peakRss / 1e6),
    output_buffer_mb: Math.round((minutes * 60 * 16000 * 4) / 1e6),
  }),
);
