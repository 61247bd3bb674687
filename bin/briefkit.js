#!/usr/bin/env node
// The CLI ships bundled (npm run build): dist/cli.cjs loads the CLI's one CommonJS bundle with
// V8's code cache of it (src/cli/load-bundle.ts), on every Node. On Node >= 22.1 Node's own
// compile cache is turned on too (NODE_COMPILE_CACHE, else the system's temporary folder): the
// pool's worker threads load ES modules, which only Node's cache covers. CommonJS (bin/package.json):
// a start without Node's ES module loader is ~10 ms and ~1.5 MB lighter.
'use strict';
const { enableCompileCache } = require('node:module');

try {
  enableCompileCache?.();
} catch {
  // A cache that cannot be opened only costs the compile time it would have saved.
}
require('../dist/cli.cjs');
