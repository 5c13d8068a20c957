/**
 * `npm start` as a new owner runs it: from a folder holding `.env`, with nothing about Discord in the environment.
 * The fixture models, a private Redis prefix; the process's output is collected for assertions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
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

/** A Hub-shaped server (`/<model>/resolve/<rev>/<file>`) over the fixture models, sending at most `bytesPerSecond`. */
export async function startHub(bytesPerSecond: number): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.join(PROJECT_ROOT, 'tests/fixtures/models');
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const match = /^\/([^/]+)\/resolve\/[^/]+\/(.+)$/u.exec(request.url ?? '');
    const file = match ? path.join(root, match[1] ?? '', decodeURIComponent(match[2] ?? '')) : '';
    if (!match || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, { 'content-length': body.byteLength });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const chunk = Math.max(1, Math.round(bytesPerSecond / 10));
    let at = 0;
    const timer = setInterval(() => {
      response.write(body.subarray(at, at + chunk));
      at += chunk;
      if (at >= body.byteLength) {
        clearInterval(timer);
        response.end();
      }
    }, 100);
    response.on('close', () => clearInterval(timer));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
