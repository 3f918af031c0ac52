import { defineConfig } from 'vitest/config';

// Builds the site once on fixture content (globalSetup), then asserts on dist/.
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    globalSetup: ['tests/build/setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
