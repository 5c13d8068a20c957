import { defineConfig } from 'vitest/config';

// The burst fault test measures Discord's 3 s acknowledgement deadline for 2,000 interactions: it runs last, alone,
// so the rest of the suite's model loads and process start-ups do not share its CPU.
const ALONE = ['tests/fault/burst.test.ts'];
// Files that replace a module (`vi.mock`) need a fresh module graph of their own.
const MOCKING = ['tests/audio/fuzz.test.ts', 'tests/audio/limits.test.ts'];

export default defineConfig({
  test: {
    // Model and Redis tests spawn processes and load ONNX sessions: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['tests/**/*.test.ts'],
          exclude: [...ALONE, ...MOCKING],
          // Test files in one worker process share its module cache: importing transformers.js, discord.js and the
          // rest once per process instead of once per file took the suite from 14.4 to ~8.5 minutes here. Each
          // file still brings its own Redis prefix, servers and processes.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'mocking', include: MOCKING, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
