import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bundles dist/ first: some tests run the shipped CLI (bin/briefkit.js) as users do.
    globalSetup: ['test/global-setup.ts'],
    // PDF and chart rendering is CPU-bound; two cores, so keep parallelism modest.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
