/**
 * Model files for engines that are not transformers.js models: found in `models.dir/<model id>/`, or
 * downloaded there from the Hub (or `HF_ENDPOINT`) on first use when downloads are allowed. Files are
 * written under a temporary name and renamed, so an interrupted download never leaves a truncated file.
 */
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UserError } from '../../../core/errors.ts';
import { speakMessages as m } from '../messages.ts';
import type { ModelStore } from './types.ts';

/** Progress of one file's download. */
export interface DownloadProgress {
  readonly model: string;
  readonly file: string;
  readonly loaded: number;
  /** From Content-Length; null when the server does not say. */
  readonly total: number | null;
}

export interface EnsureFilesOptions {
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly signal?: AbortSignal;
}

/** Hub-style ids (`owner/name`) or a plain folder name; nothing that could climb out of the models folder. */
const MODEL_ID = /^[\w][\w.-]*(\/[\w][\w.-]*)?$/u;

export function modelFolder(store: ModelStore, model: string): string {
  if (!MODEL_ID.test(model) || model.split('/').includes('..')) {
    throw new UserError('bad_request', m.notAModelId(model));
  }
  return path.resolve(store.dir, model);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function missingModel(model: string, file: string, store: ModelStore): UserError {
  return new UserError('model_missing', m.modelMissing(model, file, !store.allowRemote));
}

/**
 * Makes sure every `files` entry (paths inside the repo) exists locally and returns the model folder.
 * Rejects with `UserError('model_missing')` when a file is absent and cannot be fetched; the message
 * names the model and the file, never a server path.
 */
export async function ensureModelFiles(
  store: ModelStore,
  model: string,
  files: readonly string[],
  options: EnsureFilesOptions = {},
): Promise<string> {
  const folder = modelFolder(store, model);
  for (const file of files) {
    const target = path.join(folder, file);
    if (await exists(target)) continue;
    if (!store.allowRemote) throw missingModel(model, file, store);
    try {
      await download(store, model, file, target, options);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const wrapped = missingModel(model, file, store);
      wrapped.cause = error;
      throw wrapped;
    }
  }
  return folder;
}

/** The Hub's file URL: `<host>/<model>/resolve/main/<file>`. */
export function fileUrl(remoteHost: string, model: string, file: string): string {
  const host = remoteHost.endsWith('/') ? remoteHost : `${remoteHost}/`;
  return `${host}${model}/resolve/main/${file.split('/').map(encodeURIComponent).join('/')}`;
}

async function download(store: ModelStore, model: string, file: string, target: string, options: EnsureFilesOptions): Promise<void> {
  const response = await fetch(fileUrl(store.remoteHost, model, file), {
    redirect: 'follow',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} for ${file}`);
  const total = Number(response.headers.get('content-length')) || null;
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.part-${process.pid}`;
  let loaded = 0;
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    loaded += chunk.length;
    options.onProgress?.({ model, file, loaded, total });
  });
  try {
    await pipeline(body, createWriteStream(partial));
    if (total !== null && loaded !== total) throw new Error(`truncated download of ${file}: ${loaded} of ${total} bytes`);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
}
