import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatDurationJa } from '../../src/audio/format.ts';

describe('limit wording', () => {
  it('GIVEN clip lengths THEN they read naturally and round up, so a clip over a limit never reads as equal', () => {
    expect(formatDuration(12.2)).toBe('13 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(600.2)).toBe('10 min 1 s');
    expect(formatDuration(725)).toBe('12 min 5 s');
    expect(formatDuration(3 * 3600 + 61)).toBe('3 h 2 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDurationJa(725)).toBe('12分5秒');
    expect(formatDurationJa(3 * 3600 + 61)).toBe('3時間2分');
  });

  it('GIVEN file sizes THEN they are shown in KB or MB', () => {
    expect(formatBytes(31_527)).toBe('31 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(30.5 * 1024 * 1024)).toBe('30.5 MB');
  });
});
