/** Shared wiring for the transcribe lane tests: fixture audio, a processor context, WAV building. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../../../src/audio/index.ts';
import { PROJECT_ROOT } from '../../../src/config/index.ts';
import type { LaneProgress, ProcessContext } from '../../../src/lanes/process-context.ts';
import { makeWav } from '../../audio/helpers.ts';
import { quietLogger } from '../../helpers/env.ts';

export const fixtureBytes = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/audio', name));

export const inline = (bytes: Uint8Array | Buffer) => ({ kind: 'inline' as const, base64: Buffer.from(bytes).toString('base64') });

export function ctx(options: { signal?: AbortSignal; progress?: LaneProgress[]; locale?: string } = {}): ProcessContext {
  const progress = options.progress ?? [];
  return {
    jobId: 't',
    context: { origin: 'local', userId: 'u', ...(options.locale ? { locale: options.locale } : {}) },
    signal: options.signal ?? new AbortController().signal,
    locale: 'en' as const,
    report: (p) => progress.push(p),
    logger: quietLogger,
  };
}

/** 16 kHz mono samples of a fixture clip. */
export async function samplesOf(name: string): Promise<Float32Array> {
  return (await decodeAudio(new Uint8Array(fixtureBytes(name)), { maxBytes: 1e8, maxDurationSec: 600 }, { ffmpegPath: null })).samples;
}

/** A WAV of the pieces in order: sample arrays, or numbers meaning that many seconds of silence. */
export function composeWav(pieces: readonly (Float32Array | number)[]): Uint8Array {
  const parts = pieces.map((piece) => (typeof piece === 'number' ? new Float32Array(Math.round(piece * 16000)) : piece));
  const all = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return makeWav(all, 16000, { bits: 16 });
}
