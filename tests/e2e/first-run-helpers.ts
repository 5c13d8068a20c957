/**
 * `npm start` as a new owner runs it: from a folder holding `.env`, with nothing about Discord in the environment.
 * The fixture models, a private Redis prefix; the process's output is collected for assertions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { REDIS_URL } from '../helpers/env.ts';

const TSX = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface Started {
  readonly child: ChildProcess;
  readonly dir: string;
  readonly prefix: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** Runs `src/main.ts` in a fresh folder with `dotenv` as its `.env` and `config` as its config file. */
export function startInFolder(
  dotenv: Record<string, string>,
  config: Record<string, unknown> = {},
  env: Record<string, string> = {},
): Started {
  const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-first-run-'));
  const prefix = `test-first-${randomUUID().slice(0, 8)}`;
  writeFileSync(path.join(dir, 'config.yaml'), stringify(config));
  writeFileSync(
    path.join(dir, '.env'),
    Object.entries({ KOTODAMA_CONFIG: path.join(dir, 'config.yaml'), ...dotenv })
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('DISCORD_')));
  const child = spawn(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'src/main.ts')], {
    cwd: dir,
    env: {
      ...inherited,
      KOTODAMA_PROFILE: 'fixtures',
      KOTODAMA_REDIS_PREFIX: prefix,
      KOTODAMA_LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      REDIS_URL,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, dir, prefix, output: () => output, exited };
}

/** Whether a process with this id is still running (a zombie, dead but not yet reaped, counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/u.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The worker process ids `npm start` logged (`workerPid` on its "worker process started" lines). */
export function workerPids(output: string): number[] {
  return [...output.matchAll(/"workerPid":(\d+)/gu)].map((match) => Number(match[1]));
}
