import path from 'node:path';
import { fail } from '../errors.js';

export interface Shard {
  /** 1-based, as written on the command line: 1/3, 2/3, 3/3. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    fail('USAGE_ERROR', {
      message: `--shard ${text} is not a shard`,
      expected: 'i/n with 1 <= i <= n, such as 2/4',
    });
  }
  return { index, count };
}

/**
 * The files of one shard. Files are sorted by their normalised path (plain code-unit
 * order, no locale) and dealt out round-robin, so every runner of a CI matrix computes
 * the same split from the same list whatever the shell's glob order, the shards
 * differ in size by at most one, and together they cover every file exactly once.
 */
export function selectShard<T extends string>(files: readonly T[], shard: Shard): T[] {
  const key = (file: string): string => path.normalize(file).split(path.sep).join('/');
  const sorted = [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}
