import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './tests/sequencer.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Longest files first (tests/timings.json), so the two workers finish together.
    sequence: { sequencer: LongestFirstSequencer },
  },
});
