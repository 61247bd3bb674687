import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedCache, cacheStats, clearCaches, perObjectCache } from '../../src/cache/index.js';
// Every module that keeps a process-wide cache, so the registry holds them all.
import '../../src/build/hash.js';
import '../../src/charts/drawing-cache.js';
import '../../src/charts/recording/chart-fonts.js';
import '../../src/charts/recording/css-font.js';
import '../../src/charts/renderer.js';
import '../../src/compose/environment.js';
import '../../src/compose/lint-templates.js';
import '../../src/document/fit-to-fonts.js';
import '../../src/locale/intl-cache.js';
import '../../src/render/pdf/shared-layouts.js';
import '../../src/render/pptx/zip/zip-io.js';
import '../../src/theme/font-cache.js';

let names = 0;
const uniqueName = () => `test cache ${++names}`;

describe('the bounded cache (the one policy)', () => {
  it('keeps at most maxEntries values, least recently used out', () => {
    const cache = boundedCache<number>({ name: uniqueName(), maxEntries: 2 });
    let made = 0;
    const get = (key: string) => cache.get(key, () => ++made);
    expect([get('a'), get('b'), get('a'), get('c')]).toEqual([1, 2, 1, 3]);
    expect(cache.size).toBe(2);
    expect(cache.peek('b')).toBeUndefined(); // b was the least recently used
    expect(get('a')).toBe(1);
  });

  it('bounds the total weight too, and never keeps a value heavier than the bound', () => {
    const cache = boundedCache<string>({
      name: uniqueName(),
      maxEntries: 100,
      maxWeight: 10,
      weigh: (v) => v.length,
    });
    cache.get('a', () => 'xxxx');
    cache.get('b', () => 'yyyy');
    cache.get('c', () => 'zzzz');
    expect([cache.peek('a'), cache.size, cache.weight]).toEqual([undefined, 2, 8]);
    cache.get('d', () => 'w'.repeat(11));
    expect(cache.peek('d')).toBeUndefined();
    expect(cache.weight).toBeLessThanOrEqual(10);
  });

  it('keeps nothing when making throws, and drops a promise that rejects', async () => {
    const cache = boundedCache<Promise<number>>({ name: uniqueName(), maxEntries: 4 });
    expect(() =>
      boundedCache<number>({ name: uniqueName(), maxEntries: 1 }).get('x', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    await expect(cache.get('k', () => Promise.reject(new Error('later')))).rejects.toThrow('later');
    expect(cache.size).toBe(0);
    await expect(cache.get('k', () => Promise.resolve(7))).resolves.toBe(7);
  });

  it('keeps per-object caches that are bounded each and cleared with the rest', () => {
    const perFont = perObjectCache<number>({ name: uniqueName(), maxEntries: 2 });
    const font = {};
    perFont(font).get('a', () => 1);
    perFont(font).get('b', () => 2);
    perFont(font).get('c', () => 3);
    expect(perFont(font).size).toBe(2);
    clearCaches();
    expect(perFont(font).size).toBe(0);
  });

  it('refuses two caches of one name, and clearCaches empties every cache', () => {
    const name = uniqueName();
    const cache = boundedCache<number>({ name, maxEntries: 4 });
    expect(() => boundedCache<number>({ name, maxEntries: 4 })).toThrow(name);
    cache.get('a', () => 1);
    clearCaches();
    expect(cacheStats().every((c) => !c.size)).toBe(true);
  });
});

describe('the process-wide caches', () => {
  it('are all in the README table, with their bound', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(
      readme.indexOf('| cache '),
      readme.indexOf('\n\n', readme.indexOf('| cache ')),
    );
    const rows = table.split('\n').map((row) => row.split('|').map((cell) => cell.trim()));
    const listed = cacheStats().filter((c) => !c.name.startsWith('test cache'));
    expect(listed.length).toBeGreaterThanOrEqual(12);
    for (const cache of listed) {
      const row = rows.find((cells) => cells[1] === cache.name);
      expect(row, `README's table lists "${cache.name}"`).toBeDefined();
      expect(row![3], `README's bound for "${cache.name}"`).toBe(cache.bound);
    }
    // Other rows are caches on disk, which the registry does not hold.
    const others = rows.slice(2).filter((cells) => !listed.some((c) => c.name === cells[1]));
    expect(others.map((cells) => cells[1]).filter((name) => !name!.endsWith('(on disk)'))).toEqual([]);
  });

  it('live in src/cache/: no module of src/ keeps a Map or Set of its own at the top level', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(path.join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [path.join(dir, e.name)]
            : [],
      );
    const strays = files('src')
      .filter((file) => !file.startsWith(path.join('src', 'cache')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          // A cache starts empty; a constant set of names (new Set([...])) is not one.
          .filter((line) => /^(export )?(const|let) \w+(: [^=]+)? = new (Map|Set)\b(<.*>)?\(\)/.test(line))
          .map((line) => `${file}: ${line}`),
      );
    expect(strays).toEqual([]);
  });
});
