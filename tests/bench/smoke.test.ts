/**
 * Every benchmark runs at its smoke size so none can rot: each must exit 0 and print one JSON line per result with
 * a name, its figures, the floor measured in the same run and the ratio. Speed is never asserted (benchmarks do not
 * fail CI on speed); only that the figures exist and are numbers.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { benchFiles } from '../../bench/index.ts';
import { runScript, type RunResult } from '../helpers/spawn.ts';

const figures = z.record(z.string(), z.number().nullable());
const resultLine = z.looseObject({
  name: z.string().regex(/^[a-z0-9-]+$/u),
  floor: figures.nullable(),
  ratio: z.union([z.number(), figures, z.null()]),
  smoke: z.literal(true),
});

const stage = z.object({ sent: z.number().int().positive(), outcomes: z.record(z.string(), z.number()) });
const loadLine = z.looseObject({
  name: z.string(),
  lost: z.number(),
  duplicated: z.number(),
  unacknowledged: z.number(),
  lanes: z.record(z.string(), stage),
  burst: stage.nullable(),
  idle: z.object({ waitingJobs: z.number(), redisCommandsPerSec: z.number() }).nullable(),
});

function resultLines(run: RunResult): z.infer<typeof resultLine>[] {
  const lines = run.stdout.split('\n').filter((line) => line.startsWith('{'));
  return lines.map((line) => resultLine.parse(JSON.parse(line)));
}

const failure = (run: RunResult) => `exit ${run.code}\n${run.stderr.slice(-2_000)}`;

describe('benchmarks at smoke size', () => {
  it.each(benchFiles().filter((file) => file !== 'load.ts'))(
    'GIVEN --smoke WHEN bench/%s runs THEN it exits 0 and prints named result lines with floor and ratio',
    async (file) => {
      const run = await runScript(`bench/${file}`, ['--smoke'], { timeoutMs: 240_000 });
      expect(run.code, failure(run)).toBe(0);
      const lines = resultLines(run);
      expect(lines.length).toBeGreaterThan(0);
      expect(new Set(lines.map((line) => line.name)).size).toBe(lines.length);
      // A result without figures of its own would be a line that measures nothing.
      for (const line of lines) expect(Object.keys(line).filter((key) => typeof line[key] === 'number').length).toBeGreaterThan(1);
    },
    300_000,
  );

  it('GIVEN --smoke WHEN bench/load.ts drives the real bot THEN every request is acknowledged and answered once', async () => {
    const run = await runScript('bench/load.ts', ['--smoke'], { timeoutMs: 240_000 });
    expect(run.code, failure(run)).toBe(0);
    const [line] = resultLines(run);
    const load = loadLine.parse(line);
    expect(load.name).toBe('load');
    expect({ lost: load.lost, duplicated: load.duplicated, unacknowledged: load.unacknowledged }).toEqual({
      lost: 0,
      duplicated: 0,
      unacknowledged: 0,
    });
    // Every lane of the default mix, the mentions, the burst and the idle backlog were driven and answered.
    expect(Object.keys(load.lanes).sort()).toEqual(['faq', 'faq-mention', 'generate', 'transcribe', 'translate']);
    for (const lane of Object.values(load.lanes)) expect(lane.outcomes.answered).toBe(lane.sent);
    expect(load.burst?.outcomes.answered).toBe(load.burst?.sent);
    expect(load.idle?.waitingJobs).toBeGreaterThan(0);
    expect(load.idle?.redisCommandsPerSec).toBeGreaterThan(0);
  }, 300_000);

  it('GIVEN --only WHEN the runner runs THEN only the named benchmark runs', async () => {
    const run = await runScript('bench/index.ts', ['--smoke', '--only', 'audio-decode'], { timeoutMs: 120_000 });
    expect(run.code, failure(run)).toBe(0);
    expect(resultLines(run).map((line) => line.name)).toEqual(['audio-decode']);
  }, 180_000);

  it('GIVEN --only with no match WHEN the runner runs THEN it exits 2 and lists the benchmarks', async () => {
    const run = await runScript('bench/index.ts', ['--only', 'no-such-bench'], { timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('queue-roundtrip.ts');
  });
});
