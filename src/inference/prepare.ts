/**
 * A worker's start-up, lane by lane: its lanes take jobs at once and each lane's models load behind them, so a lane
 * whose model is present answers while another still downloads (and that one tells members how far it is). Each
 * lane is reported in one line: ready, downloading (with progress) or missing — with the actual reason (the
 * network error, downloads off) and what to do about it.
 */
import { z } from 'zod';
import type { Config } from '../config/index.ts';
import { redactUrlsIn } from '../core/redact-url.ts';
import type { AnyLane } from '../lanes/lane.ts';
import type { DownloadProgress } from './download-progress.ts';
import { displayName, ModelMissingError } from './errors.ts';
import type { ModelRuntime } from './runtime.ts';

/** What a worker says about one lane (over IPC to `npm start`, or in its own log). */
export const laneStatusSchema = z.discriminatedUnion('state', [
  z.object({
    type: z.literal('lane-status'),
    state: z.literal('downloading'),
    lane: z.string(),
    model: z.string(),
    percent: z.number().optional(),
    loadedMb: z.number(),
    totalMb: z.number(),
    /** How the lane answers meanwhile, when it does not wait for the model (see `LaneSpec.meanwhile`). */
    meanwhile: z.string().optional(),
  }),
  z.object({
    type: z.literal('lane-status'),
    state: z.literal('ready'),
    lane: z.string(),
    models: z.array(z.string()),
    seconds: z.number(),
  }),
  z.object({
    type: z.literal('lane-status'),
    state: z.literal('missing'),
    lane: z.string(),
    model: z.string(),
    reason: z.string(),
    hint: z.string(),
  }),
]);

export type LaneStatus = z.infer<typeof laneStatusSchema>;

/** One line for people: `translate: downloading m (42%, 460/1100 MB)`, `faq: ready (m, 3 s)`, `x: missing m — why. What to do.` */
export function formatLaneStatus(status: LaneStatus): string {
  if (status.state === 'ready')
    return `${status.lane}: ready${status.models.length ? ` (${status.models.join(', ')}, ${status.seconds} s)` : ''}`;
  if (status.state === 'missing') return `${status.lane}: model ${status.model} is missing — ${status.reason}. ${status.hint}`;
  const size = status.totalMb ? `, ${status.loadedMb}/${status.totalMb} MB` : '';
  const meanwhile = status.meanwhile ? `answering meanwhile: ${status.meanwhile}` : 'the lane answers once it is in';
  return `${status.lane}: downloading ${status.model} (${status.percent === undefined ? '…' : `${status.percent}%`}${size}); ${meanwhile}`;
}

/** Loads every model of `lane`, reporting downloads (each 10%) and the outcome. Never throws. */
export async function prepareLane(
  lane: AnyLane,
  config: Config,
  runtime: ModelRuntime,
  report: (status: LaneStatus) => void,
): Promise<boolean> {
  const started = Date.now();
  const models: string[] = [];
  for (const spec of lane.models(config)) {
    const model = displayName(spec.model);
    let lastStep = -1;
    const onDownload = (progress: DownloadProgress) => {
      const step = progress.percent === undefined ? 0 : Math.floor(progress.percent / 10);
      if (step === lastStep) return;
      lastStep = step;
      const mb = (bytes: number) => Math.round(bytes / 1e6);
      report({
        type: 'lane-status',
        state: 'downloading',
        lane: lane.name,
        model,
        ...(progress.percent === undefined ? {} : { percent: progress.percent }),
        loadedMb: mb(progress.loadedBytes),
        totalMb: mb(progress.totalBytes),
        ...(lane.meanwhile ? { meanwhile: lane.meanwhile } : {}),
      });
    };
    try {
      await runtime.prepare(spec, onDownload);
      models.push(model);
    } catch (error) {
      report({ type: 'lane-status', state: 'missing', lane: lane.name, model, ...describeLoadFailure(error, config.models) });
      return false;
    }
  }
  report({ type: 'lane-status', state: 'ready', lane: lane.name, models, seconds: Math.round((Date.now() - started) / 1000) });
  return true;
}

const FIX_NETWORK = 'Set HF_ENDPOINT to a Hugging Face mirror, or MODELS_DIR to a folder with copied model files, and start again';

/** Why a model did not load, in words an owner can act on, from the library's error and its network cause. */
export function describeLoadFailure(
  error: unknown,
  models: Pick<Config['models'], 'allowRemote' | 'remoteHost' | 'dir'>,
): { reason: string; hint: string } {
  const original = error instanceof ModelMissingError ? error.original : error;
  const host = hostOf(models.remoteHost);
  if (!models.allowRemote)
    return {
      reason: `it is not in the models folder and downloads are off (KOTODAMA_OFFLINE / models.allowRemote)`,
      hint: 'Copy the model folder into MODELS_DIR, or allow downloads, and start again',
    };
  const causes: { code?: unknown; hostname?: unknown; message?: unknown }[] = [];
  for (let node: unknown = original; node && typeof node === 'object' && causes.length < 5; node = (node as { cause?: unknown }).cause)
    causes.push(node as { code?: unknown; hostname?: unknown; message?: unknown });
  const code = causes.map((cause) => cause.code).find((value): value is string => typeof value === 'string');
  const named = causes.map((cause) => cause.hostname).find((value): value is string => typeof value === 'string') ?? host;
  const message = causes.map((cause) => String(cause.message ?? '')).join(' ');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: `cannot resolve ${named} (no DNS answer)`, hint: FIX_NETWORK };
  if (code === 'ECONNREFUSED') return { reason: `${named} refused the connection`, hint: FIX_NETWORK };
  if (code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_SOCKET')
    return { reason: `the connection to ${named} failed (${code})`, hint: FIX_NETWORK };
  if (/unauthorized|\b401\b|\b403\b/iu.test(message))
    return {
      reason: `${host} refused access to it (private or gated?)`,
      hint: 'Check the model id in the lane config, or use a public model',
    };
  if (/not found|could not locate|\b404\b/iu.test(message))
    return { reason: `${host} has no such model or file`, hint: 'Check the model id and dtype in the lane config' };
  if (/fetch failed/iu.test(message)) return { reason: `the download from ${host} failed`, hint: FIX_NETWORK };
  const first = redactUrlsIn(message.split('\n')[0] ?? '').slice(0, 160) || 'it did not load';
  return { reason: first, hint: 'Run `npm run models -- check` for details' };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
