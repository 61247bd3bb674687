import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inflateTrie, lazyUnicodeTrie, type UnicodeTrieClass } from '../../src/vendor/unicode-trie.js';

/**
 * The bundle gives fontkit, unicode-properties and linebreak tables inflated by zlib
 * (src/vendor/unicode-trie.ts): they must hold the words unicode-trie's own inflater
 * makes, for the data those libraries ship.
 */
const require = createRequire(import.meta.url);

/** unicode-trie's class, with the fields its constructor fills (a transitive dependency, untyped). */
interface RawTrie {
  data: Uint32Array;
  highStart: number;
  errorValue: number;
  get(codePoint: number): number;
}
const UnicodeTrie = require(createRequire(require.resolve('fontkit')).resolve('unicode-trie')) as new (
  data: Uint8Array,
) => RawTrie;
const Trie = UnicodeTrie as unknown as UnicodeTrieClass;

/** The folder of the package `name` that `from` (a file) would load. */
function packageRoot(name: string, from: string): string {
  const main = createRequire(from).resolve(name);
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  return main.slice(0, main.lastIndexOf(marker) + marker.length);
}

/** Base64 trie data embedded in a bundled module (unicode-properties, linebreak). */
function embeddedTries(file: string): Uint8Array[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/toByteArray\("([A-Za-z0-9+/=]+)"\)/g)].map(
    (m) => new Uint8Array(Buffer.from(m[1]!, 'base64')),
  );
}

function shippedTries(): [string, Uint8Array][] {
  const fontkitMain = require.resolve('fontkit');
  const fontkitShapers = path.join(path.dirname(path.dirname(fontkitMain)), 'src/opentype/shapers');
  const tries: [string, Uint8Array][] = ['data.trie', 'use.trie', 'indic.trie'].map((name) => [
    `fontkit ${name}`,
    new Uint8Array(readFileSync(path.join(fontkitShapers, name))),
  ]);
  for (const name of ['unicode-properties', 'linebreak']) {
    const module = path.join(packageRoot(name, fontkitMain), 'dist/module.mjs');
    const found = embeddedTries(module);
    expect(found.length, `${name}: trie data in ${module}`).toBeGreaterThan(0);
    found.forEach((data, i) => tries.push([`${name} #${i}`, data]));
  }
  return tries;
}

describe('Unicode tables inflated by zlib (src/vendor/unicode-trie.ts)', () => {
  it.each(shippedTries())('holds the same table as unicode-trie for %s', (_name, data) => {
    const expected = new UnicodeTrie(data);
    const actual = inflateTrie(Trie, data) as unknown as RawTrie;
    expect(actual.highStart).toBe(expected.highStart);
    expect(actual.errorValue).toBe(expected.errorValue);
    expect(actual.data.length).toBe(expected.data.length);
    expect(Buffer.from(actual.data.buffer).equals(Buffer.from(expected.data.buffer))).toBe(true);
    const lazy = new (lazyUnicodeTrie(Trie))(data);
    for (let codePoint = 0; codePoint <= 0x110000; codePoint += 97) {
      expect(lazy.get(codePoint)).toBe(expected.get(codePoint));
    }
  });

  it("leaves data zlib cannot inflate to unicode-trie's own reader", () => {
    const damaged = new Uint8Array(32).fill(7);
    expect(() => new UnicodeTrie(damaged)).toThrow();
    expect(() => inflateTrie(Trie, damaged)).toThrow();
  });
});
