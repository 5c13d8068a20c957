/**
 * End-to-end real-time factor of the transcribe lane (fetch inline → decode → VAD windows → Whisper →
 * stitch): processing seconds per second of audio, median of 3 runs after a warm-up.
 *
 *   npx tsx bench/transcribe-rtf.ts           # the committed fixture model (tiny: measures the lane's own overhead)
 *   npx tsx bench/transcribe-rtf.ts --base    # also a random Whisper at whisper-base's real dimensions,
 *                                             # written to a temp dir by tools/fixtures (needs /usr/bin/python3 + onnx)
 *
 * Random weights time like trained ones at the same shapes, except for how many tokens get decoded:
 * the base-size build forces EOS after ~100 text tokens per window (`--whisper-eos-after 104`), about
 * what a fast speaker says in 30 s, so the decoder does a realistic amount of work.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config/index.ts';
import { createLogger } from '../src/core/logger.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { createTranscribeProcessor } from '../src/lanes/transcribe/processor.ts';

const logger = createLogger({ level: 'silent' });
const clip = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio', name)).toString('base64');
const clips = [
  { name: 'voice-ja.ogg (7.6 s)', base64: clip('voice-ja.ogg'), seconds: 7.566 },
  { name: 'long-2min.ogg (120 s, 5 windows)', base64: clip('long-2min.ogg'), seconds: 120 },
];

async function measure(label: string, models: Record<string, unknown>, model: string): Promise<void> {
  const config = loadConfig({
    env: { KOTODAMA_PROFILE: 'fixtures' },
    overrides: { models: { threads: 0, ...models }, lanes: { transcribe: { model, dtype: 'fp32' } } },
  });
  const runtime = new ModelRuntime({ models: config.models, logger });
  const transcribe = createTranscribeProcessor({ config, runtime });
  const context = {
    jobId: 'bench',
    context: { origin: 'local' as const, userId: 'bench' },
    signal: new AbortController().signal,
    locale: 'en' as const,
    report: () => undefined,
    logger,
  };
  for (const { name, base64, seconds } of clips) {
    const input = { audio: { kind: 'inline' as const, base64 }, language: 'en' };
    await transcribe(input, context); // warm-up: model load, JIT
    const runs: { wall: number; cpu: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await transcribe(input, context);
      const used = process.cpuUsage(cpu);
      runs.push({ wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 });
    }
    const median = runs.sort((a, b) => a.wall - b.wall)[1]!;
    // CPU seconds per audio second as well: on a shared, loaded machine wall time overstates the cost.
    console.log(
      JSON.stringify({
        bench: 'transcribe-rtf',
        model: label,
        clip: name,
        wallSec: Number(median.wall.toFixed(3)),
        rtf: Number((median.wall / seconds).toFixed(4)),
        cpuPerAudioSec: Number((median.cpu / seconds).toFixed(4)),
        loadavg: Number(os.loadavg()[0]!.toFixed(1)),
        peakRssMb: Math.round(process.memoryUsage().rss / 1048576),
      }),
    );
  }
  await runtime.dispose();
}

await measure('tiny-random-whisper (fixture, fp32)', {}, 'tiny-random-whisper');

if (process.argv.includes('--base')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-whisper-base-'));
  try {
    execFileSync(
      '/usr/bin/python3',
      [
        path.join(PROJECT_ROOT, 'tools/fixtures/build_tiny_models.py'),
        '--whisper-dims',
        'base',
        '--whisper-eos-after',
        '104',
        '--no-quantized',
        '--out',
        dir,
      ],
      { stdio: 'inherit' },
    );
    await measure('random-whisper-base (real dims, fp32, ~100 tokens/window)', { dir }, 'random-whisper-base');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
