import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PDF and chart rendering is CPU-bound; two cores, so keep parallelism modest.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
