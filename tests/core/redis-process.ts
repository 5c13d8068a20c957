/**
 * A private redis-server for one test file, on a free port, with the options the test needs (a password,
 * TLS). Started as a child process and killed at the end; nothing is written to disk but its TLS files.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { Redis } from 'ioredis';
import { freePort } from '../ops/helpers.ts';

export interface RedisProcess {
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts `redis-server` with `args` on a free port and resolves once it answers (through `probe` options). */
/** How to reach the new server to see that it is up. */
export interface Probe {
  readonly password: string;
  readonly tls?: ConnectionOptions;
}

export async function startRedis(args: readonly string[], probe: Probe, portFlag = '--port'): Promise<RedisProcess> {
  const port = await freePort();
  const portArgs = portFlag === '--port' ? ['--port', String(port)] : ['--port', '0', portFlag, String(port)];
  const child: ChildProcess = spawn('redis-server', ['--bind', '127.0.0.1', ...portArgs, '--save', '', '--appendonly', 'no', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  // Poll until it answers: it takes a moment to listen, and a failed first connect does not retry.
  for (;;) {
    if (gone) throw new Error(`redis-server exited:\n${output}`);
    if (await answers(probe, port)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function answers(probe: Probe, port: number): Promise<boolean> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    password: probe.password,
    ...(probe.tls ? { tls: probe.tls } : {}),
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface TlsFiles {
  readonly dir: string;
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
  remove(): void;
}

/** A throwaway CA and a server certificate for localhost/127.0.0.1, made with the openssl command. */
export function makeTlsFiles(): TlsFiles {
  const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-tls-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '1', '-subj', '/CN=kotodama test CA');
  openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost');
  writeFileSync(file('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '1',
    '-extfile',
    file('san.ext'),
  );
  return {
    dir,
    ca: file('ca.crt'),
    cert: file('server.crt'),
    key: file('server.key'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Whether the openssl command is here to make certificates (Debian's redis-server is built with TLS). */
export function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
