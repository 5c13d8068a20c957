/**
 * Config and models for benchmarks: the fixture models by default (offline, tiny: measures kotodama's own cost), or
 * with `--real` the random models at the real default models' dimensions (`tools/fixtures/real_dims.py`). A temp
 * config file carries the overrides so that worker processes a bench spawns load exactly the same settings.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig, PROJECT_ROOT, type Config } from '../../src/config/index.ts';
import { createRedis } from '../../src/core/redis.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { LaneName } from '../../src/lanes/index.ts';
import type { ProcessContext } from '../../src/lanes/process-context.ts';
import { option, REAL } from './report.ts';

export const REAL_DIMS_DIR = path.join(PROJECT_ROOT, 'models', 'real-dims');

/** The real-dimension stand-in of each lane's default model (folder names written by real_dims.py). */
export const REAL_MODELS: Readonly<Record<LaneName, string>> = {
  faq: 'random-multilingual-e5-small',
  translate: 'random-nllb-200-distilled-600M',
  transcribe: 'random-whisper-base',
  generate: 'random-qwen2.5-0.5b-instruct',
  speak: 'random-supertonic-real',
  booking: '', // no model
};

type Tree = Record<string, unknown>;

export interface BenchSetup {
  readonly config: Config;
  /** Environment for worker processes: same profile, config file and Redis prefix. */
  readonly env: NodeJS.ProcessEnv;
  /** Which models: `fixtures` or `real-dims <dtype>`. */
  readonly models: string;
}

/**
 * Loads the fixtures profile on a fresh Redis prefix with `overrides`; under `--real` (`--dtype=q8|fp32`,
 * `--threads=N`) every lane points at its real-dimension model.
 */
export function benchSetup(overrides: Tree = {}): BenchSetup {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const dtype = option('dtype', 'q8');
  const threads = Number(option('threads', '0'));
  const real: Tree = REAL
    ? {
        models: { dir: REAL_DIMS_DIR, threads },
        lanes: Object.fromEntries(Object.entries(REAL_MODELS).map(([lane, model]) => [lane, { model, dtype }])),
      }
    : {};
  const tree = deepMerge(deepMerge({ redis: { prefix } }, real), overrides);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kotodama-bench-')), 'config.yaml');
  writeFileSync(file, stringify(tree));
  const env: NodeJS.ProcessEnv = { ...process.env, KOTODAMA_PROFILE: 'fixtures', KOTODAMA_CONFIG: file, LOG_LEVEL: 'warn' };
  delete env.KOTODAMA_REDIS_PREFIX; // the prefix comes from the config file
  const config = loadConfig({ env });
  if (REAL) {
    // Only the enabled lanes' stand-ins are needed (a bench may disable lanes it does not measure).
    const missing = Object.entries(REAL_MODELS)
      .filter(([lane, model]) => model && config.lanes[lane as LaneName].enabled)
      .map(([, model]) => model)
      .filter((model) => !existsSync(path.join(REAL_DIMS_DIR, model, 'config.json')));
    if (missing.length)
      throw new Error(
        `missing ${missing.join(', ')}: run /usr/bin/python3 tools/fixtures/real_dims.py first (see tools/fixtures/README.md)`,
      );
  }
  return { config, env, models: REAL ? `real-dims ${dtype}` : 'fixtures' };
}

function deepMerge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const current = out[key];
    out[key] = isTree(current) && isTree(value) ? deepMerge(current, value) : value;
  }
  return out;
}

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deletes every key under the bench's Redis prefix. */
export async function cleanupRedis(config: Config): Promise<void> {
  const redis = createRedis(config.redis, 'worker');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The context a bench passes to a lane processor it calls directly: a local English job that is never cancelled. */
export function benchJobContext(logger: Logger): ProcessContext {
  return {
    jobId: 'bench',
    locale: 'en',
    context: { origin: 'local', userId: 'bench' },
    signal: new AbortController().signal,
    report: () => undefined,
    logger,
  };
}
