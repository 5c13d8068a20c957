/**
 * The speak lane's model files for `npm run models`: each configured engine's graphs, config, indexer and voices,
 * grouped by model, checked in and downloaded into `models.dir` with the engine's own file fetcher.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config/index.ts';
import type { LaneModelFiles } from '../lane.ts';
import { CONFIG_FILE, graphFile, GRAPHS, INDEXER_FILE, voiceFile } from './engine/supertonic/assets.ts';
import { ensureModelFiles, modelFolder, type DownloadProgress } from './engine/files.ts';

/** The files each configured model needs (engines sharing a model share its files). */
export function speakModelFileList(config: Config): Map<string, string[]> {
  const byModel = new Map<string, Set<string>>();
  for (const engine of Object.values(config.speak.engines)) {
    const model = engine.model ?? config.lanes.speak.model;
    const files = byModel.get(model) ?? new Set([...GRAPHS.map(graphFile), CONFIG_FILE, INDEXER_FILE]);
    for (const voice of engine.voices) files.add(voiceFile(voice));
    byModel.set(model, files);
  }
  return new Map([...byModel].map(([model, files]) => [model, [...files]]));
}

/** A download progress event in the shape of transformers.js's (what the CLI's printer draws). */
function progressEvent(progress: DownloadProgress): Record<string, unknown> {
  const done = progress.total !== null && progress.loaded >= progress.total;
  return {
    status: done ? 'done' : 'progress',
    name: progress.model,
    file: progress.file,
    loaded: progress.loaded,
    ...(progress.total !== null ? { total: progress.total, progress: (progress.loaded / progress.total) * 100 } : {}),
  };
}

export function speakModelFiles(config: Config): LaneModelFiles[] {
  return [...speakModelFileList(config)].map(([model, files]) => ({
    model,
    async missing() {
      const folder = modelFolder(config.models, model);
      const present = await Promise.all(
        files.map((file) =>
          access(path.join(folder, file)).then(
            () => true,
            () => false,
          ),
        ),
      );
      return files.filter((_, index) => !present[index]);
    },
    async download(onProgress) {
      await ensureModelFiles(config.models, model, files, onProgress ? { onProgress: (p) => onProgress(progressEvent(p)) } : {});
    },
  }));
}
