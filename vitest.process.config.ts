import { defineConfig } from 'vitest/config';

/** Tests that spawn the CLI scripts or build git repositories: slower, so a step of their own. */
export default defineConfig({
  test: {
    include: ['tests/process/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
