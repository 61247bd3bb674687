import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { CliIo } from './io.js';
import {
  codeCacheLocation,
  readCodeCache,
  writeCodeCache,
  type CodeCacheKind,
  type CodeCacheLocation,
} from './code-cache.js';
import { sealCodeCache, unsealCodeCache } from './code-cache-seal.js';

/** What the bundle exports (src/cli/run-cli.ts). */
export interface CliBundle {
  runCli: (argv: readonly string[], io?: CliIo) => Promise<number>;
}

export interface LoadedBundle<T = CliBundle> {
  exports: T;
  /** Whether V8 took the code cache: there was none, it was used, or it did not fit. */
  cache: 'none' | 'used' | 'rejected';
  /**
   * Writes V8's code of the bundle, with every function compiled so far, when there was no
   * usable cache (or `always`, for the training runs of npm run build). Call it once the
   * command is done: the cache then holds what the command needed, not just the top level.
   */
  saveCodeCache: (always?: boolean) => void;
}

/**
 * Loads the CLI's CommonJS bundle (dist/cli-main.cjs) as Node would require() it, but through
 * vm.Script, which takes and makes V8 code caches (Node's own loader does neither on Node 20).
 * `onRequire` hears of each package the bundle requires, before it is loaded.
 * The function around the source is Node's CommonJS wrapper; the bundle's first line is a
 * banner of its own, so the wrapper shifts no column that the source map describes.
 */
export function loadBundle<T = CliBundle>(
  bundle: string,
  onRequire?: (id: string) => void,
  kind: CodeCacheKind = 'all',
): LoadedBundle<T> {
  const bytes = readFileSync(bundle);
  const location = codeCacheLocation(bundle, bytes, kind);
  // V8 does not check a cache's contents: a damaged one would crash the process (code-cache-seal.ts).
  const file = readCodeCache(location);
  const cachedData = unsealCodeCache(file);
  // The bundle is ASCII (scripts/bundle.mjs escapes the rest): a one-byte string, half the memory.
  const source = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString('latin1')}\n})`;
  const script = new vm.Script(source, { filename: bundle, ...(cachedData && { cachedData }) });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as T };
  const require = createRequire(bundle);
  const seen = onRequire && Object.assign((id: string) => (onRequire(id), require(id)), require);
  wrapper.call(module.exports, module.exports, seen ?? require, module, bundle, path.dirname(bundle));
  const cache =
    file === undefined ? 'none' : cachedData === undefined || script.cachedDataRejected ? 'rejected' : 'used';
  // V8's flags as the cache's name says (main.ts tunes them before: build/tier-up.ts).
  const flags = v8.cachedDataVersionTag();
  return {
    exports: module.exports,
    cache,
    saveCodeCache: (always = false) => {
      // Code made under other flags would be refused by the next run, which has its own.
      if ((cache !== 'used' || always) && v8.cachedDataVersionTag() === flags) save(location, script);
    },
  };
}

function save(location: CodeCacheLocation, script: vm.Script): void {
  try {
    writeCodeCache(location, () => sealCodeCache(script.createCachedData()));
  } catch {
    // V8 could not serialise the code: the next run compiles, as without a cache.
  }
}
