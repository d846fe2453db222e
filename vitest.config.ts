import { defineConfig } from 'vitest/config';

// Node tests (`*.test.ts`); browser tests (`*.browser.test.ts`) run in real
// Chromium through @web/test-runner (web-test-runner.config.mjs).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/**/*.browser.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
