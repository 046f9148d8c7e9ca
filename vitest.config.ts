import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The end-to-end files spend most of their time waiting on child processes (the bot, the CLI,
    // PostgreSQL), so one file more than there are cores keeps both cores busy: on 2 cores the
    // suite took 225 s with vitest's default of one worker there and 128 s with three.
    maxWorkers: Math.min(4, availableParallelism() + 1),
  },
});
