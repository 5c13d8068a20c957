/**
 * The lane module contract, checked over the source: a lane is named only in its own folder and in the lane list,
 * every lane is defined once with a unique name and queue, and `config/default.yaml` shows the lanes' own defaults.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/index.ts';
import { allLanes, LANES } from '../../src/lanes/index.ts';
import { tunablesSchema } from '../../src/lanes/tunables.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Whisper's task names, which share their words with two lanes' names. */
const WHISPER_TASK = /'transcribe' \| 'translate'|task: 'transcribe'/u;

describe('lane modules', () => {
  it('GIVEN the source tree THEN no file outside a lane folder and the lane list names a lane, reads its config block or imports its files', () => {
    const src = path.join(PROJECT_ROOT, 'src');
    const offenders: string[] = [];
    for (const lane of allLanes()) {
      const own = path.join(src, 'lanes', lane.name);
      const patterns = [
        new RegExp(`['"\`]${lane.name}['"\`]`, 'u'),
        new RegExp(`config\\.${lane.name}\\b|lanes\\.${lane.name}\\b`, 'u'),
        new RegExp(`lanes/${lane.name}/`, 'u'),
      ];
      for (const file of sourceFiles(src)) {
        if (file.startsWith(`${own}${path.sep}`) || file === path.join(src, 'lanes', 'index.ts')) continue;
        // Whisper's own task vocabulary ('transcribe' | 'translate'), not a reference to the lanes of those names.
        if (['translate', 'transcribe'].includes(lane.name) && file.startsWith(path.join(src, 'lanes', 'transcribe') + path.sep)) continue;
        const lines = readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, index) => {
          if (WHISPER_TASK.test(line)) return;
          if (patterns.some((pattern) => pattern.test(line)))
            offenders.push(`${path.relative(PROJECT_ROOT, file)}:${index + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it('GIVEN the lane list THEN names and queues are unique and every lane renders, chains and routes through its module', () => {
    const names = LANES.map((lane) => lane.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(LANES.map((lane) => lane.queue)).size).toBe(names.length);
    for (const lane of allLanes()) {
      expect(lane.queue).toBe(lane.name);
      expect(typeof lane.createProcessor).toBe('function');
      expect(lane.verb.en.length && lane.verb.ja.length).toBeGreaterThan(0);
    }
  });

  it("GIVEN config/default.yaml THEN each lane's block shows exactly the lane's declared defaults", () => {
    const file = parse(readFileSync(path.join(PROJECT_ROOT, 'config/default.yaml'), 'utf8')) as { lanes: Record<string, unknown> } & Record<
      string,
      unknown
    >;
    for (const lane of allLanes()) {
      expect(file.lanes[lane.name], lane.name).toEqual(tunablesSchema(lane.tunables).parse({}));
      const block = file[lane.name];
      if (block !== undefined) expect(lane.settings.parse(block), lane.name).toEqual(lane.settings.parse({}));
    }
  });
});
