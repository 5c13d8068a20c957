/**
 * Real-time factor of the transcribe lane (inline audio → decode → VAD windows → Whisper → stitch): processing
 * seconds per second of audio, median of the runs after a warm-up, against its floor: the ASR pipeline called
 * directly on the same decoded 16 kHz samples (its own 30 s chunking, same language). CPU seconds per audio second
 * are given too: on a shared machine wall time overstates the cost.
 *
 *   npm run bench -- --only transcribe-rtf [--real [--dtype=q8|fp32]] [--runs=3]
 *
 * With `--real` the lane runs the whisper-base stand-in of `tools/fixtures/real_dims.py`, whose decoder writes ~100
 * tokens per 30 s window (about what a fast speaker says), so the decoder does a realistic amount of work.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../src/audio/index.ts';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { createLogger } from '../src/core/logger.ts';
import { ModelRuntime } from '../src/inference/runtime.ts';
import { createTranscribeProcessor } from '../src/lanes/transcribe/processor.ts';
import { median, option, ratioOf, report, round, size, SMOKE, withCpu } from './lib/report.ts';
import { benchJobContext, benchSetup } from './lib/setup.ts';
import { peakRssMb } from './lib/workers.ts';

const runs = Number(option('runs', String(size(3, 1))));
const logger = createLogger({ level: 'silent' });
const { config, models } = benchSetup();
const lane = config.lanes.transcribe;
const runtime = new ModelRuntime({ models: config.models, logger });
const transcribe = createTranscribeProcessor({ config, runtime });
const asr = await runtime.load({ task: 'automatic-speech-recognition', model: lane.model, dtype: lane.dtype, device: lane.device });
const context = benchJobContext(logger);
const clips = [
  { file: 'voice-ja.ogg', windows: 1 },
  { file: 'long-2min.ogg', windows: 5 },
].slice(0, SMOKE ? 1 : 2);

async function timed(run: () => Promise<unknown>): Promise<{ wallSec: number; cpuSec: number }> {
  await run(); // warm-up: model load, JIT
  const all: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i++) all.push(await withCpu(run));
  return { wallSec: median(all.map((r) => r.wallMs)) / 1000, cpuSec: median(all.map((r) => r.cpuMs)) / 1000 };
}

for (const clip of clips) {
  const bytes = readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio', clip.file));
  const audio = await decodeAudio(new Uint8Array(bytes), config.limits.audio, { ffmpegPath: null });
  const seconds = audio.durationSec;
  const viaLane = await timed(() => transcribe({ audio: { kind: 'inline', base64: bytes.toString('base64') }, language: 'en' }, context));
  const bare = await timed(() =>
    asr(audio.samples, { language: 'en', task: 'transcribe', chunk_length_s: 30, stride_length_s: 5 } as never),
  );
  report({
    name: `transcribe-rtf-${clip.file.replace('.ogg', '')}`,
    models,
    model: lane.model,
    dtype: lane.dtype,
    audioSec: round(seconds, 2),
    windows: clip.windows,
    rtf: round(viaLane.wallSec / seconds, 4),
    cpuPerAudioSec: round(viaLane.cpuSec / seconds, 4),
    floor: { rtf: round(bare.wallSec / seconds, 4), cpuPerAudioSec: round(bare.cpuSec / seconds, 4) },
    ratio: { rtf: ratioOf(viaLane.wallSec, bare.wallSec), cpu: ratioOf(viaLane.cpuSec, bare.cpuSec) },
    peakRssMb: peakRssMb(process.pid),
    reference: { whisperBaseQ8Rtf30s: 0.035, whisperBaseQ8Rtf120s: 0.045 },
  });
}
await runtime.dispose();
