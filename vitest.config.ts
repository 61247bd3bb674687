import path from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * pptxgenjs gets briefkit's jszip stand-in (src/vendor/jszip.ts) in the tests as in the
 * bundle (scripts/bundle.mjs), so the tests run the code users run. Only pptxgenjs's
 * import is redirected: the tests read decks back with the real jszip.
 */
const jszipStandIn: Plugin = {
  name: 'jszip-stand-in',
  enforce: 'pre',
  resolveId(id, importer) {
    if (id === 'jszip' && importer?.includes(`${path.sep}node_modules${path.sep}pptxgenjs${path.sep}`)) {
      return path.resolve('src/vendor/jszip.ts');
    }
    return undefined;
  },
};

/**
 * Test files that must have a process of their own: they replace a module for the whole
 * file (vi.mock), which would leak into the files that share a worker with them.
 */
const ISOLATED = ['test/cli/missing-canvas.test.ts', 'test/hostile/fs-faults.test.ts'];

/** What both projects below share; the global setup is the root's alone (run once). */
const common = {
  plugins: [jszipStandIn],
  test: {
    // Each file starts with briefkit's caches empty; scripts/test-cpu.mjs logs each file's CPU.
    setupFiles: [
      'test/setup/cold-caches.ts',
      ...(process.env.BRIEFKIT_TEST_CPU_LOG ? ['test/setup/cpu-log.ts'] : []),
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Transformed by vitest (not loaded by Node) so the plugin above sees its import of jszip.
    server: { deps: { inline: ['pptxgenjs'] } },
  },
};

export default defineConfig({
  test: {
    // Bundles dist/ first: some tests run the shipped CLI (bin/briefkit.js) as users do.
    globalSetup: ['test/global-setup.ts'],
    // Two cores: two workers (vitest's default on two cores is one). Each keeps its module
    // graph and caches from file to file (isolate: false below), as a long-running briefkit
    // process does; tests that need a cold process make one (clearCaches, or a child process).
    maxWorkers: 2,
    projects: [
      {
        ...common,
        test: {
          ...common.test,
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ISOLATED,
          isolate: false,
        },
      },
      { ...common, test: { ...common.test, name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
