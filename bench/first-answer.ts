/**
 * A fresh install's wait: time from `npm start` (local chat, piped input) to the first FAQ answer, with an empty
 * models folder and a local Hub-shaped server (`/<model>/resolve/<revision>/<file>`, like the one in
 * tests/cli/models.test.ts) serving the models. With `--real` it serves the real-size q8 stand-ins of
 * `models/real-dims`, so the bytes downloaded are those of a real first start; `--mbps=N` caps the server's rate to
 * emulate a link (0 = loopback speed); `--lanes=faq,translate` enables only those lanes (default: every lane of
 * the config). Floor: fetching the FAQ lane's model files alone from the same server, which is what a start that
 * readies lanes one by one would wait for before answering if the FAQ lane waited for its model (it does not: it
 * answers lexically meanwhile; `retrieval` says which mode the first answer used).
 *
 *   npm run bench -- --only first-answer [--real] [--mbps=0] [--lanes=faq,translate]
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { createRedis } from '../src/core/redis.ts';
import { LANE_NAMES } from '../src/lanes/index.ts';
import { readStatus } from '../src/lanes/faq/status.ts';
import { option, ratioOf, REAL, report, round } from './lib/report.ts';
import { benchSetup, cleanupRedis, REAL_DIMS_DIR } from './lib/setup.ts';

const mbps = Number(option('mbps', '0'));
const onlyLanes = option('lanes', '').split(',').filter(Boolean);
const served = REAL ? REAL_DIMS_DIR : path.join(PROJECT_ROOT, 'tests/fixtures/models');
let bytesServed = 0;

/** Passes data through at most `mbps` megabytes per second. */
function throttle(): Transform {
  const started = performance.now();
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      const due = (sent / (mbps * 1e6)) * 1000 - (performance.now() - started);
      setTimeout(() => done(null, chunk), Math.max(0, due));
    },
  });
}

async function startHub(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const match = /^\/([^/]+)\/resolve\/[^/]+\/(.+)$/u.exec(request.url ?? '');
    const file = match ? path.join(served, match[1] ?? '', decodeURIComponent(match[2] ?? '')) : '';
    if (!match || !file.startsWith(served) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    const size = statSync(file).size;
    // transformers.js asks for `Range: bytes=0-0` to learn a file's size before downloading it, as the Hub allows.
    const range = /^bytes=(\d+)-(\d*)$/u.exec(request.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    const length = end - start + 1;
    const headers = { 'content-length': length, ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}) };
    response.writeHead(range ? 206 : 200, headers);
    if (request.method === 'HEAD') return void response.end();
    bytesServed += length;
    const body = createReadStream(file, { start, end });
    (mbps > 0 ? body.pipe(throttle()) : body).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` };
}

/** `npm start` with one FAQ question piped in: ms until the answer is printed, and what was downloaded. */
function firstAnswer(env: NodeJS.ProcessEnv): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end('/ask how do I use this bot?\n');
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.resume();
  return new Promise((resolve, reject) => {
    child.on('close', (code) =>
      code === 0 ? resolve({ ms: performance.now() - started, output }) : reject(new Error(`npm start exited ${code}: ${output}`)),
    );
  });
}

/** Floor: the FAQ model's files fetched from the same server (what one-by-one readiness waits for first). */
async function fetchFolder(url: string, model: string): Promise<number> {
  const started = performance.now();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.relative(path.join(served, model), path.join(dir, entry.name))],
    );
  for (const file of walk(path.join(served, model)).filter((name) => !name.endsWith('.onnx') || name.endsWith('_quantized.onnx'))) {
    const response = await fetch(`${url}${model}/resolve/main/${file}`);
    await response.arrayBuffer();
  }
  return performance.now() - started;
}

const { server, url } = await startHub();
const lanes = onlyLanes.length
  ? { lanes: Object.fromEntries(LANE_NAMES.filter((lane) => !onlyLanes.includes(lane)).map((lane) => [lane, { enabled: false }])) }
  : {};
const { config, env, models } = benchSetup({ models: { allowRemote: true, remoteHost: url }, ...lanes });
try {
  const fresh = mkdtempSync(path.join(tmpdir(), 'kotodama-fresh-'));
  const { ms, output } = await firstAnswer({ ...env, MODELS_DIR: fresh, HF_ENDPOINT: url, KOTODAMA_OFFLINE: '0', LOG_LEVEL: 'warn' });
  const downloaded = bytesServed;
  const redis = createRedis(config.redis, 'worker');
  const retrieval = await readStatus(redis, config.redis.prefix).finally(() => redis.disconnect());
  const floorMs = await fetchFolder(url, config.lanes.faq.model);
  report({
    name: 'first-answer',
    models,
    mbps,
    lanes: LANE_NAMES.filter((lane) => config.lanes[lane].enabled),
    retrieval: retrieval ? `${retrieval.mode} (${retrieval.reason})` : 'unknown',
    downloadedMb: round(downloaded / 1e6, 1),
    firstAnswerMs: Math.round(ms),
    answered: output.trim().length > 0,
    floor: { faqModelOnlyMs: Math.round(floorMs) },
    ratio: ratioOf(ms, floorMs),
  });
} finally {
  server.close();
  await cleanupRedis(config);
}
