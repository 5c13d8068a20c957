/**
 * Options of `npm run load`: `--rate 100 --seconds 30 --mix faq:60,translate:20,generate:15,transcribe:5
 * [--burst N] [--mentions 0.1] [--idle-waiting 300] [--drain 120]`, as `--name value` or `--name=value`.
 * `--smoke` shrinks every default to a few seconds of traffic (what the bench smoke test runs).
 */
import { SMOKE } from './report.ts';

/** The lanes a load run can drive through slash commands. */
export const LOAD_LANES = ['faq', 'translate', 'generate', 'transcribe'] as const;
export type LoadLane = (typeof LOAD_LANES)[number];

export interface LoadOptions {
  /** Requests per second during the timed phase. */
  readonly rate: number;
  readonly seconds: number;
  /** Share of each lane (weights, not necessarily summing to 100). */
  readonly mix: Readonly<Partial<Record<LoadLane, number>>>;
  /** Interactions sent at once after the timed phase (0 = none). */
  readonly burst: number;
  /** Share of FAQ requests sent as mentions instead of `/ask`. */
  readonly mentions: number;
  /** Waiting FAQ jobs while idle Redis commands/s are counted (0 = skip). */
  readonly idleWaiting: number;
  /** Seconds to wait for the last answers after sending stopped. */
  readonly drainSeconds: number;
}

/** The value of `--name value` or `--name=value`, else `fallback`. */
export function argValue(argv: readonly string[], name: string, fallback: string): string {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag && argv[i + 1] !== undefined) return argv[i + 1] as string;
  }
  return fallback;
}

function numberArg(argv: readonly string[], name: string, fallback: number, min: number): number {
  const raw = argValue(argv, name, String(fallback));
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min} (got "${raw}")`);
  return value;
}

/** `faq:60,translate:20` → weights; throws on an unknown lane or a bad weight. */
export function parseMix(text: string): Partial<Record<LoadLane, number>> {
  const mix: Partial<Record<LoadLane, number>> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [name = '', weight = ''] = part.split(':');
    const lane = LOAD_LANES.find((candidate) => candidate === name.trim());
    if (!lane) throw new Error(`--mix: unknown lane "${name}" (one of ${LOAD_LANES.join(', ')})`);
    const value = Number(weight);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--mix: bad weight "${weight}" for ${lane}`);
    mix[lane] = value;
  }
  if (!Object.values(mix).some((value) => value > 0)) throw new Error('--mix: give at least one lane a weight above 0');
  return mix;
}

export function parseLoadOptions(argv: readonly string[]): LoadOptions {
  const seconds = numberArg(argv, 'seconds', SMOKE ? 2 : 30, 0.1);
  return {
    rate: numberArg(argv, 'rate', SMOKE ? 5 : 100, 0.1),
    seconds,
    mix: parseMix(argValue(argv, 'mix', 'faq:60,translate:20,generate:15,transcribe:5')),
    burst: Math.floor(numberArg(argv, 'burst', SMOKE ? 10 : 0, 0)),
    mentions: Math.min(1, numberArg(argv, 'mentions', 0.1, 0)),
    idleWaiting: Math.floor(numberArg(argv, 'idle-waiting', SMOKE ? 5 : 300, 0)),
    drainSeconds: numberArg(argv, 'drain', SMOKE ? 60 : Math.max(60, seconds * 4), 1),
  };
}

/**
 * The lane of each request, spread evenly over the run (smooth weighted round robin): with faq:60,translate:20 every
 * window of four requests holds three FAQ questions and one translation.
 */
export function laneSequence(mix: LoadOptions['mix'], count: number): LoadLane[] {
  const lanes = LOAD_LANES.filter((lane) => (mix[lane] ?? 0) > 0);
  const total = lanes.reduce((sum, lane) => sum + (mix[lane] ?? 0), 0);
  const current = new Map(lanes.map((lane) => [lane, 0]));
  const out: LoadLane[] = [];
  for (let i = 0; i < count; i++) {
    for (const lane of lanes) current.set(lane, (current.get(lane) ?? 0) + (mix[lane] ?? 0));
    const pick = lanes.reduce((best, lane) => ((current.get(lane) ?? 0) > (current.get(best) ?? 0) ? lane : best));
    current.set(pick, (current.get(pick) ?? 0) - total);
    out.push(pick);
  }
  return out;
}
