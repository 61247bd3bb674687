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

export default defineConfig({
  plugins: [jszipStandIn],
  test: {
    include: ['test/**/*.test.ts'],
    // Bundles dist/ first: some tests run the shipped CLI (bin/briefkit.js) as users do.
    globalSetup: ['test/global-setup.ts'],
    // PDF and chart rendering is CPU-bound; two cores, so keep parallelism modest.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Transformed by vitest (not loaded by Node) so the plugin above sees its import of jszip.
    server: { deps: { inline: ['pptxgenjs'] } },
  },
});
