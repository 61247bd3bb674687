#!/usr/bin/env node
// The CLI ships as one bundled file (npm run build) to keep start-up fast. On Node >= 22.1
// V8's compiled code of that file is kept on disk (NODE_COMPILE_CACHE, else the system's
// temporary folder) and reused by the next run; Node 20 has no such cache and skips this.
import module from 'node:module';

try {
  module.enableCompileCache?.();
} catch {
  // A cache that cannot be opened only costs the compile time it would have saved.
}
await import('../dist/cli.js');
