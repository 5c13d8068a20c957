import { defineConfig } from 'vitest/config';

// The burst fault test measures Discord's 3 s acknowledgement deadline for 2,000 interactions: it runs last, alone,
// so the rest of the suite's model loads and process start-ups do not share its CPU.
const ALONE = ['tests/fault/burst.test.ts'];

export default defineConfig({
  test: {
    // Model and Redis tests spawn processes and load ONNX sessions: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: ALONE, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
