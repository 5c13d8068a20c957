/**
 * Fallback decoder for containers without an in-process decoder (WebM, MP4/M4A, ADTS AAC, ...):
 * the system ffmpeg, outputting 16 kHz mono f32le. Bounded by a timeout, an output cap and the
 * caller's abort signal; the child is always killed on the way out.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { audioErrors } from './errors.ts';
import { TARGET_SAMPLE_RATE } from './resample.ts';
import type { AudioFormat } from './sniff.ts';
import type { AudioLimits, DecodedAudio, DecodeOptions } from './types.ts';

let cachedPath: Promise<string | null> | undefined;

/** First executable `ffmpeg` on PATH, or null (looked up once per process). */
export function findFfmpeg(): Promise<string | null> {
  cachedPath ??= (async () => {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      const candidate = join(dir, process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
    return null;
  })();
  return cachedPath;
}

interface FfmpegRun {
  ffmpegPath: string;
  /** MP4 keeps its index (moov) anywhere, often at the end, which a pipe cannot seek to: use a file. */
  viaTempFile: boolean;
  maxDurationSec: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

type FfmpegOutcome =
  | { kind: 'ok'; samples: Float32Array; sourceSampleRate: number; sourceChannels: number }
  | { kind: 'failed'; noAudioStream: boolean; stderr: string }
  | { kind: 'missing' | 'timeout' | 'aborted' | 'too_long' };

const CHANNEL_NAMES: Record<string, number> = { mono: 1, stereo: 2, '2.1': 3, quad: 4, '5.0': 5, '5.1': 6, '7.1': 8 };

async function runFfmpeg(bytes: Uint8Array, run: FfmpegRun): Promise<FfmpegOutcome> {
  const dir = run.viaTempFile ? await mkdtemp(join(tmpdir(), 'kotodama-audio-')) : null;
  try {
    const input = dir ? join(dir, 'input') : 'pipe:0';
    if (dir) await writeFile(input, bytes);
    // -t stops decoding just past the limit instead of decoding a 3-hour file to reject it.
    const args = ['-hide_banner', '-nostdin', '-i', input, '-map', '0:a:0', '-vn', '-sn', '-dn'];
    args.push('-t', String(run.maxDurationSec + 1), '-f', 'f32le', '-ac', '1', '-ar', '16000', 'pipe:1');
    return await spawnFfmpeg(run, args, dir ? null : bytes);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function spawnFfmpeg(run: FfmpegRun, args: string[], stdin: Uint8Array | null): Promise<FfmpegOutcome> {
  return new Promise((resolve) => {
    const child = spawn(run.ffmpegPath, args, { stdio: 'pipe' });
    const maxBytes = (run.maxDurationSec + 1) * 16000 * 4;
    const chunks: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let early: FfmpegOutcome | null = null;
    const stop = (outcome: FfmpegOutcome): void => {
      early ??= outcome;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop({ kind: 'timeout' }), run.timeoutMs);
    const onAbort = (): void => stop({ kind: 'aborted' });
    run.signal?.addEventListener('abort', onAbort, { once: true });
    if (run.signal?.aborted) onAbort();

    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxBytes) stop({ kind: 'too_long' });
      else chunks.push(chunk);
    });
    // Keep the head (stream description) and a little more; never buffer unbounded logs.
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16384) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => {}); // EPIPE when ffmpeg rejects the input early: the exit code tells why
    child.stdin.end(stdin ?? undefined);
    const finish = (outcome: FfmpegOutcome): void => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      resolve(early ?? outcome);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT' || error.code === 'EACCES';
      finish(missing ? { kind: 'missing' } : { kind: 'failed', noAudioStream: false, stderr: String(error) });
    });
    child.on('close', (code) => {
      if (code !== 0) {
        finish({ kind: 'failed', noAudioStream: /matches no streams/.test(stderr), stderr });
        return;
      }
      // Copy into an aligned buffer: Buffer chunks may sit at odd offsets of a shared pool.
      const samples = new Float32Array(Math.floor(outBytes / 4));
      const view = new Uint8Array(samples.buffer);
      let at = 0;
      for (const chunk of chunks) {
        view.set(chunk.subarray(0, Math.max(0, view.length - at)), at);
        at += chunk.length;
      }
      const stream = /Stream #0:\d+.*?: Audio: [^,]+, (\d+) Hz, ([^,\n]+)/.exec(stderr);
      const layout = stream?.[2]?.trim() ?? '';
      const channels = CHANNEL_NAMES[layout] ?? Number.parseInt(/(\d+) channels/.exec(layout)?.[1] ?? '0', 10);
      finish({ kind: 'ok', samples, sourceSampleRate: Number(stream?.[1] ?? 0), sourceChannels: channels });
    });
  });
}

/** Decodes through ffmpeg and turns every way it can fail into the UserError the user should see. */
export async function decodeWithFfmpeg(
  format: AudioFormat,
  bytes: Uint8Array,
  limits: AudioLimits,
  options: DecodeOptions,
): Promise<DecodedAudio> {
  const ffmpegPath = options.ffmpegPath === undefined ? await findFfmpeg() : options.ffmpegPath;
  if (!ffmpegPath) throw format === 'unknown' ? audioErrors.unknown() : audioErrors.needsFfmpeg(format);
  const outcome = await runFfmpeg(bytes, {
    ffmpegPath,
    viaTempFile: format === 'mp4',
    maxDurationSec: limits.maxDurationSec,
    timeoutMs: options.ffmpegTimeoutMs ?? 60_000,
    signal: options.signal,
  });
  switch (outcome.kind) {
    case 'missing':
      throw audioErrors.needsFfmpeg(format);
    case 'timeout':
      throw audioErrors.timeout();
    case 'aborted':
      throw audioErrors.cancelled();
    case 'too_long':
      throw audioErrors.tooLong(null, limits.maxDurationSec);
    case 'failed':
      if (outcome.noAudioStream) throw audioErrors.noAudioTrack();
      throw format === 'unknown' ? audioErrors.unknown() : audioErrors.corrupt();
    case 'ok': {
      const durationSec = outcome.samples.length / TARGET_SAMPLE_RATE;
      // ffmpeg was told to stop one second past the limit, so the true length is unknown.
      if (durationSec >= limits.maxDurationSec + 0.99) throw audioErrors.tooLong(null, limits.maxDurationSec);
      if (outcome.samples.length === 0 && format === 'unknown') throw audioErrors.unknown();
      const { samples, sourceSampleRate, sourceChannels } = outcome;
      const sampleRate = TARGET_SAMPLE_RATE;
      return { samples, sampleRate, durationSec, sourceFormat: format, sourceSampleRate, sourceChannels };
    }
  }
}
