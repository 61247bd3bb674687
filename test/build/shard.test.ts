import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/build/shard.js';

describe('selectShard', () => {
  const files = Array.from({ length: 20 }, (_, i) => `data/b${String(i + 1).padStart(2, '0')}.yaml`);

  it('splits files into shards that cover each exactly once and differ in size by at most one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (names, count) => {
          const shards = Array.from({ length: count }, (_, i) => selectShard(names, { index: i + 1, count }));
          expect(shards.flat().sort()).toEqual([...names].sort());
          const sizes = shards.map((s) => s.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('gives the same shard whatever order the shell listed the files in', () => {
    const shuffled = [...files].reverse();
    for (const index of [1, 2, 3]) {
      expect(selectShard(shuffled, { index, count: 3 })).toEqual(selectShard(files, { index, count: 3 }));
    }
    expect(selectShard(['./data/a.yaml', 'data/b.yaml'], { index: 1, count: 2 })).toEqual(['./data/a.yaml']);
  });
});

describe('parseShard', () => {
  it('reads i/n and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/3/4', '-1/3'])
      expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });
});
