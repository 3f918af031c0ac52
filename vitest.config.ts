import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // One worker per core, reused across files (a fresh one per file cost ~0.5 s each); forks, not
    // threads, so in-process CLI tests can enter a folder with process.chdir.
    pool: 'forks',
    isolate: false,
  },
});
