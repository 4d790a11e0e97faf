import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core. Vitest's default (cores - 1) runs the files one at a time on a 2-core machine,
    // where most test time is one process's CPU: measured on the AMD EPYC (2 vCPU), the suite took 188 s
    // with one worker and 130 s with two.
    maxWorkers: availableParallelism(),
    globalSetup: ['test/support/global-setup.ts'],
  },
});
