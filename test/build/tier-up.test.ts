import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchTierUpFlag } from '../../src/build/tier-up.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TIER_UP = path.join(ROOT, 'src/build/tier-up.ts');
const LOAD_BUNDLE = path.join(ROOT, 'src/cli/load-bundle.ts');
const CODE_CACHE = path.join(ROOT, 'src/cli/code-cache.ts');

/** Runs an ES module in a Node of its own: V8's flags are process-wide, this one stays as it is. */
function inChild(script: string, nodeFlags: string[] = []): unknown {
  const out = execFileSync(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe("a batch's tier-up budget", () => {
  const probe = `
    import v8 from 'node:v8';
    import { tuneTierUpForBatch } from ${JSON.stringify(TIER_UP)};
    const before = v8.cachedDataVersionTag();
    const set = tuneTierUpForBatch();
    console.log(JSON.stringify({ set, changed: v8.cachedDataVersionTag() !== before }));`;

  it('is set in a process that chose none, and V8 takes it', () => {
    expect(inChild(probe)).toEqual({ set: true, changed: true });
  });

  it('leaves a budget given on the command line alone', () => {
    const own =
      Number(process.versions.v8.split('.')[0]) >= 12
        ? '--invocation_count_for_turbofan=5000'
        : '--interrupt_budget=100000';
    expect(inChild(probe, [own])).toEqual({ set: false, changed: false });
  });

  it("is said in the running V8's own terms: bytecode run up to V8 11 (Node 20), calls from V8 12 (Node 22, 24)", () => {
    expect(batchTierUpFlag('11.3.244.8-node.33')).toBe('--interrupt-budget=300000');
    expect(batchTierUpFlag('12.4.254.21-node.33')).toBe('--invocation-count-for-turbofan=13000');
    expect(batchTierUpFlag('13.6.233.10-node.18')).toBe('--invocation-count-for-turbofan=13000');
  });

  it('keeps the CLI from saving a code cache made under the tuned flags', () => {
    // A bundle laid out as installed; its cache would be written on exit, had the flags not changed.
    const project = tempDir('briefkit-tier-up-');
    const dist = path.join(project, 'node_modules', 'briefkit', 'dist');
    mkdirSync(dist, { recursive: true });
    const bundle = path.join(dist, 'cli-main.cjs');
    writeFileSync(bundle, 'var __briefkitUrl = 1;\nexports.one = () => 1;');
    const result = inChild(`
      import { readFileSync } from 'node:fs';
      import path from 'node:path';
      import { loadBundle } from ${JSON.stringify(LOAD_BUNDLE)};
      import { codeCacheLocation } from ${JSON.stringify(CODE_CACHE)};
      import { tuneTierUpForBatch } from ${JSON.stringify(TIER_UP)};
      const bundle = ${JSON.stringify(bundle)};
      const location = codeCacheLocation(bundle, readFileSync(bundle));
      const loaded = loadBundle(bundle);
      tuneTierUpForBatch();
      loaded.saveCodeCache();
      console.log(JSON.stringify({ cache: loaded.cache, file: path.join(location.folder, location.name) }));`) as {
      cache: string;
      file: string;
    };
    expect(result.cache).toBe('none');
    expect(existsSync(result.file)).toBe(false);
  });
});
