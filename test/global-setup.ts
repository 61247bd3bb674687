import { execFileSync } from 'node:child_process';

/** Bundles the CLI, the API and the pool worker into dist/, so tests can run bin/briefkit.js. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
}
