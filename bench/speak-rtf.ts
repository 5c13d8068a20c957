/**
 * Speed and memory of the speak lane (spoken text -> sentences -> Supertonic -> 48 kHz OGG/Opus voice message):
 * real-time factor (compute seconds per second of speech) for a ~20 s answer, first-audio latency of a long
 * answer (the time until its first sentence is synthesised), and peak RSS.
 *
 *   npm run bench -- --only speak-rtf           # the committed fixture model (tiny: the lane's own overhead)
 *   npm run bench -- --only speak-rtf --real    # also a random Supertonic 3 at its real dimensions (~100M parameters,
 *                                         # ~400 MB, written to a temp dir by tools/fixtures/tiny_tts.py; needs
 *                                         # /usr/bin/python3 with onnx); --keep reuses /tmp/kotodama-supertonic-real
 *   --threads=N                                 # onnxruntime intra-op threads (models.threads; default 0 = automatic)
 *
 * Random weights time like trained ones at the same shapes. The random duration predictor gives ~0.07 s per
 * character (a natural English rate), so the vector field and vocoder run on speech-length latents. One JSON
 * line per benchmark: `name`, figures, and `floor`/`ratio` where the issue sets a target (RTF <= 0.3 on 2 cores;
 * ratio = rtf / floor, <= 1 meets it). `--keep` (with `--real`) reuses the generated model between runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { createLogger } from '../src/core/logger.ts';
import type { LaneProgress } from '../src/lanes/process-context.ts';
import { DEFAULT_SPEAK_SETTINGS, speakSettingsSchema } from '../src/lanes/speak/config.ts';
import { SpeechEngines } from '../src/lanes/speak/engine/index.ts';
import { createSpeakProcessor } from '../src/lanes/speak/processor.ts';
import { option, REAL, report, round, size } from './lib/report.ts';

const logger = createLogger({ level: 'silent' });
const RTF_FLOOR = 0.3;

// ~20 s of English at ~14 characters per second, in four sentences (Markdown as a chat answer would have it).
const ANSWER_20S =
  'Kotodama runs its own models on your machine, so nothing you say leaves it. ' +
  'It answers from the **server FAQ** and translates Japanese and English. ' +
  'When voice replies are on, it reads its answers aloud. ' +
  'The result is sent as a real Discord voice message.';
// A long answer: that one four times (16 sentences, ~80 s of speech).
const LONG_ANSWER = Array.from({ length: 4 }, () => ANSWER_20S).join('\n');

const median = <T>(values: T[], key: (value: T) => number): T =>
  [...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)]!;
const threads = Number(option('threads', '0'));

async function measure(label: string, dir: string, model: string, steps: number, repeats: number): Promise<void> {
  const engines = new SpeechEngines({ store: { dir, allowRemote: false, remoteHost: 'http://127.0.0.1:9/', threads }, logger });
  const settings = speakSettingsSchema.parse({
    ...DEFAULT_SPEAK_SETTINGS,
    engines: { supertonic: { ...DEFAULT_SPEAK_SETTINGS.engines.supertonic, model, voices: ['F1', 'M1'], steps } },
    maxChars: 10_000,
  });
  const speak = createSpeakProcessor({ settings, engines });
  const run = async (
    text: string,
    onProgress: (progress: LaneProgress) => void = () => undefined,
    signal = new AbortController().signal,
  ) => {
    const context = {
      jobId: 'bench',
      context: { origin: 'local' as const, userId: 'bench' },
      locale: 'en' as const,
      signal,
      report: onProgress,
      logger,
    };
    return speak({ text, language: 'en' }, context);
  };

  const loadStarted = performance.now();
  await run('Warm up.'); // model load and JIT
  const loadSec = (performance.now() - loadStarted) / 1000;

  const runs: { wall: number; cpu: number; audio: number }[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await run(ANSWER_20S);
    const used = process.cpuUsage(cpu);
    runs.push({ wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, audio: result.durationSecs });
  }
  const best = median(runs, (r) => r.wall);
  const rtf = best.wall / best.audio;
  report({
    name: 'speak-rtf',
    model: label,
    steps,
    threads,
    audioSec: round(best.audio, 2),
    wallSec: round(best.wall, 3),
    minWallSec: round(Math.min(...runs.map((r) => r.wall)), 3),
    rtf: round(rtf, 4),
    cpuPerAudioSec: round(best.cpu / best.audio, 4),
    floor: { rtf: RTF_FLOOR },
    ratio: round(rtf / RTF_FLOOR, 3),
    loadSec: round(loadSec, 2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });

  // First audio of a long answer: the time until its first sentence is synthesised (then the run is cancelled).
  const latencies: { first: number; sentences: number }[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const controller = new AbortController();
    let first = 0;
    const result = await run(
      LONG_ANSWER,
      (progress) => {
        // "sentence 2/N" is reported once the first sentence's audio exists.
        if (!first && progress.stage?.en.startsWith('reading aloud 2/')) {
          first = (performance.now() - started) / 1000;
          controller.abort('cancelled');
        }
      },
      controller.signal,
    );
    latencies.push({ first, sentences: result.sentences });
  }
  const latency = median(latencies, (l) => l.first);
  report({
    name: 'speak-first-audio',
    model: label,
    steps,
    threads,
    sentences: latency.sentences,
    firstAudioSec: round(latency.first, 3),
    floor: null,
    ratio: null,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
  await engines.dispose();
}

await measure(
  'tiny-random-supertonic (fixture)',
  path.join(PROJECT_ROOT, 'tests/fixtures/models'),
  'tiny-random-supertonic',
  8,
  size(3, 1),
);

if (REAL) {
  const keep = process.argv.includes('--keep');
  const dir = keep ? path.join(tmpdir(), 'kotodama-supertonic-real') : mkdtempSync(path.join(tmpdir(), 'kotodama-supertonic-real-'));
  const folder = path.join(dir, 'random-supertonic-real');
  try {
    if (!keep || !existsSync(path.join(folder, 'onnx', 'vocoder.onnx'))) {
      execFileSync('/usr/bin/python3', [path.join(PROJECT_ROOT, 'tools/fixtures/tiny_tts.py'), '--size', 'real', '--out', folder], {
        stdio: 'inherit',
      });
    }
    for (const steps of [8, 5]) await measure(`random-supertonic-real (Supertonic 3 dims, fp32)`, dir, 'random-supertonic-real', steps, 2);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
