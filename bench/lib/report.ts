/**
 * What every benchmark shares: one JSON line per benchmark (`name`, its figures, the `floor` measured in the same run
 * and the `ratio` of the figure to that floor), tiny sizes under `--smoke` (what `npm test` runs so no bench rots),
 * and the statistics. Benchmarks never fail on speed: a ratio over target is reported, not thrown.
 */
import os from 'node:os';

/** `--smoke` (or KOTODAMA_BENCH_SMOKE=1): the smallest size that still runs every code path. */
export const SMOKE = process.argv.includes('--smoke') || process.env.KOTODAMA_BENCH_SMOKE === '1';

/** `--real` (or KOTODAMA_BENCH_REAL=1): time the lanes on the real-dimension models of `models/real-dims`. */
export const REAL = !SMOKE && (process.argv.includes('--real') || process.env.KOTODAMA_BENCH_REAL === '1');

/** The full size, or the smoke size under `--smoke`. */
export function size(full: number, smoke: number): number {
  return SMOKE ? smoke : full;
}

/** The value of `--name=value` on the command line, or `fallback`. */
export function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

/** One benchmark's result line. `floor` holds the same figures for the floor; `ratio` figure ÷ floor. */
export interface BenchLine {
  readonly name: string;
  readonly floor: Readonly<Record<string, number>> | null;
  readonly ratio: Readonly<Record<string, number>> | number | null;
  readonly [figure: string]: unknown;
}

/** Prints the line, with what the reader needs to judge it: machine load, cores, smoke or not. */
export function report(line: BenchLine): void {
  const machine = { cores: os.cpus().length, loadavg1m: round(os.loadavg()[0] ?? 0, 1), smoke: SMOKE };
  process.stdout.write(`${JSON.stringify({ ...line, ...machine })}\n`);
}

export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** `value / floor`, rounded; null when the floor is zero or missing. */
export function ratioOf(value: number, floor: number): number {
  return floor > 0 && Number.isFinite(value) ? round(value / floor, 3) : Number.NaN;
}

/** CPU milliseconds this process used while `run` ran (wall time overstates cost on a shared machine). */
export async function withCpu<T>(run: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}
