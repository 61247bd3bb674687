// The pool's worker when briefkit runs from its TypeScript sources (vitest, tsx); the
// package runs the bundled dist/build-worker.js instead. A worker thread does not inherit
// its parent's TypeScript loader, and on Node 20 `--import tsx` in a worker's execArgv
// installs no ESM hooks, so the worker registers tsx itself before importing the source.
import { register } from 'tsx/esm/api';

register();
const { default: buildInWorker } = await import('./build-worker.ts');

export default buildInWorker;
