import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheLocation } from '../../src/cli/code-cache.js';
import { sealCodeCache, unsealCodeCache } from '../../src/cli/code-cache-seal.js';
import { tempDir } from '../helpers/temp.js';

/**
 * V8 deserialises a code cache whose header fits without checking its contents: a damaged
 * cache file crashed every later run (SIGSEGV, a V8 fatal error) or ran code that was not the
 * bundle's. The checksum of src/cli/code-cache-seal.ts makes it a miss.
 */

const MARKER = 'MARKER_OF_THE_BUNDLE_1234';
const SOURCE = `var __briefkitUrl = 1;\nexports.marker = function () { return '${MARKER}'; };\n`;
const LOAD_BUNDLE = path.resolve(import.meta.dirname, '../../src/cli/load-bundle.ts');

/**
 * loadBundle in a fresh process: V8 keeps what it compiled per isolate, which would hide the
 * cache, and other tests may have changed this process's V8 flags (which name the cache).
 */
function loadInChild(bundle: string, save = false): { cache: string; marker: string } {
  const script = `import { loadBundle } from ${JSON.stringify(LOAD_BUNDLE)};
const loaded = loadBundle(${JSON.stringify(bundle)});
const marker = loaded.exports.marker();
if (${save}) loaded.saveCodeCache();
console.log(JSON.stringify({ cache: loaded.cache, marker }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as { cache: string; marker: string };
}

describe('the code cache checksum', () => {
  it('gives back what it sealed, and nothing for a file with any byte changed or cut', () => {
    const data = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) & 0xff));
    const sealed = sealCodeCache(data);
    expect(unsealCodeCache(sealed)).toEqual(data);
    for (const at of [0, 3, 8, 100, sealed.length - 1]) {
      const damaged = Buffer.from(sealed);
      damaged[at]! ^= 0x10;
      expect(unsealCodeCache(damaged)).toBeUndefined();
    }
    expect(unsealCodeCache(sealed.subarray(0, sealed.length - 1))).toBeUndefined();
    expect(unsealCodeCache(sealed.subarray(0, 8))).toBeUndefined();
    expect(unsealCodeCache(undefined)).toBeUndefined();
  });

  it('turns a cache damaged on disk into a miss, never into other code', () => {
    const project = tempDir('briefkit-code-cache-seal-');
    const dist = path.join(project, 'node_modules', 'briefkit', 'dist');
    mkdirSync(dist, { recursive: true });
    const bundle = path.join(dist, 'cli-main.cjs');
    writeFileSync(bundle, SOURCE);
    expect(loadInChild(bundle, true)).toEqual({ cache: 'none', marker: MARKER });
    expect(loadInChild(bundle)).toEqual({ cache: 'used', marker: MARKER });

    // One byte of the function's text, as a bad disk sector or a lost page would change it.
    // The child's V8 flags name the file, which may not be this process's: the folder's one file.
    const { folder } = codeCacheLocation(bundle, readFileSync(bundle));
    const names = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    expect(names).toHaveLength(1);
    const file = path.join(folder, names[0]!);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(MARKER);
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'm'.charCodeAt(0);
    writeFileSync(file, bytes);
    const damaged = loadInChild(bundle);
    expect(damaged.marker).toBe(MARKER);
    expect(damaged.cache).toBe('rejected');
  });
});
