/**
 * Supertonic's JSON assets, checked with zod when loaded: `onnx/tts.json` (the audio geometry),
 * `onnx/unicode_indexer.json` (code point -> token id) and `voice_styles/<voice>.json` (a speaker's
 * style tensors). Layout as published in Supertone/supertonic-3.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const GRAPHS = ['duration_predictor', 'text_encoder', 'vector_estimator', 'vocoder'] as const;
export type GraphName = (typeof GRAPHS)[number];

export const CONFIG_FILE = 'onnx/tts.json';
export const INDEXER_FILE = 'onnx/unicode_indexer.json';
export const graphFile = (graph: GraphName): string => `onnx/${graph}.onnx`;
export const voiceFile = (voice: string): string => `voice_styles/${voice}.json`;

/** The style tensors' fixed shapes (without the batch dimension). */
export const STYLE_TTL_DIMS = [50, 256] as const;
export const STYLE_DP_DIMS = [8, 16] as const;

const positiveInt = z.number().int().positive();

const ttsConfigSchema = z.looseObject({
  ae: z.looseObject({ sample_rate: positiveInt, base_chunk_size: positiveInt }),
  ttl: z.looseObject({ latent_dim: positiveInt, chunk_compress_factor: positiveInt }),
});

/** The numbers synthesis needs from `tts.json`. */
export interface AudioGeometry {
  readonly sampleRate: number;
  /** Audio samples per latent frame: base_chunk_size x chunk_compress_factor (3072). */
  readonly samplesPerFrame: number;
  /** Channels of the noisy latent: latent_dim x chunk_compress_factor (144). */
  readonly latentChannels: number;
}

const indexerSchema = z.array(z.number().int().min(-1));

type Nested = number | readonly Nested[];
const nested: z.ZodType<Nested> = z.lazy(() => z.union([z.number(), z.array(nested)]));

const tensorSchema = z.looseObject({ data: z.array(nested), dims: z.array(positiveInt) });
const voiceSchema = z.looseObject({ style_ttl: tensorSchema, style_dp: tensorSchema });

/** A speaker: `ttl` [1,50,256] conditions the text encoder and vector field, `dp` [1,8,16] the duration. */
export interface VoiceStyle {
  readonly ttl: Float32Array;
  readonly dp: Float32Array;
}

async function readJson(folder: string, file: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(folder, file), 'utf8')) as unknown;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${file} is not a Supertonic asset: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

export async function loadGeometry(folder: string): Promise<AudioGeometry> {
  const config = parsed(ttsConfigSchema, await readJson(folder, CONFIG_FILE), CONFIG_FILE);
  return {
    sampleRate: config.ae.sample_rate,
    samplesPerFrame: config.ae.base_chunk_size * config.ttl.chunk_compress_factor,
    latentChannels: config.ttl.latent_dim * config.ttl.chunk_compress_factor,
  };
}

/** Token id per code point (`-1` or past the end: the model does not know the character). */
export async function loadIndexer(folder: string): Promise<Int32Array> {
  return Int32Array.from(parsed(indexerSchema, await readJson(folder, INDEXER_FILE), INDEXER_FILE));
}

function flat(values: readonly Nested[]): number[] {
  return (values as unknown[]).flat(Infinity as 1) as number[];
}

function tensor(value: z.infer<typeof tensorSchema>, expected: readonly number[], file: string): Float32Array {
  const data = flat(value.data);
  const dims = value.dims.slice(-expected.length);
  const size = expected.reduce((a, b) => a * b, 1);
  if (dims.join() !== expected.join() || data.length !== size) {
    throw new Error(
      `${file}: a style tensor must be [1, ${expected.join(', ')}], got dims [${value.dims.join(', ')}] with ${data.length} values`,
    );
  }
  return Float32Array.from(data);
}

export async function loadVoice(folder: string, voice: string): Promise<VoiceStyle> {
  const file = voiceFile(voice);
  const style = parsed(voiceSchema, await readJson(folder, file), file);
  return { ttl: tensor(style.style_ttl, STYLE_TTL_DIMS, file), dp: tensor(style.style_dp, STYLE_DP_DIMS, file) };
}
