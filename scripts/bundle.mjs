// Bundles the CLI and the API into dist/ with esbuild. Dependencies stay external:
// pdfkit, canvas and fonts read files next to their own code.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
// Start clean: chunk names carry content hashes, so stale chunks would pile up.
rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  // build-worker is the pool's worker: piscina loads it by file name in each thread.
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'build-worker': 'src/build/build-worker.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
