/**
 * `npm run bench [-- --only NAME[,NAME]] [--smoke] [--real] [...]`: every `bench/*.ts` in turn, each in its own
 * process so one's memory and JIT state do not skew the next. Every bench prints one JSON line per result
 * (`name`, figures, `floor`, `ratio`: see `bench/lib/report.ts`); other arguments are passed through.
 * `--smoke` runs each at a tiny size (what `npm test` does); a bench fails only when it crashes, never on speed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every benchmark file (`bench/*.ts` except this runner; helpers live in `bench/lib/`). */
export function benchFiles(): string[] {
  return readdirSync(here)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .sort();
}

/** `--only a,b` (or `--only=a,b`, or bare names as before): the benches whose file name contains one of them. */
function selected(args: readonly string[]): { names: string[]; passThrough: string[] } {
  const names: string[] = [];
  const passThrough: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--only') names.push(...(args[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) names.push(...arg.slice('--only='.length).split(','));
    else if (arg.startsWith('-')) passThrough.push(arg);
    else names.push(arg);
  }
  return { names: names.filter(Boolean), passThrough };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { names, passThrough } = selected(process.argv.slice(2));
  const files = benchFiles().filter((file) => !names.length || names.some((name) => file.includes(name)));
  if (!files.length) {
    process.stderr.write(`no benchmark matches ${names.join(', ')}; there are: ${benchFiles().join(', ')}\n`);
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    process.stderr.write(`== ${file}\n`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file), ...passThrough], { stdio: 'inherit' });
    if (result.status !== 0) {
      failed += 1;
      process.stderr.write(`!! ${file} exited with ${result.status ?? result.signal}\n`);
    }
  }
  process.exit(failed ? 1 : 0);
}
