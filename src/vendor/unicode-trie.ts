import { endianness } from 'node:os';
import { inflateRawSync } from 'node:zlib';

/**
 * The Unicode lookup tables of fontkit (its shapers), unicode-properties and linebreak,
 * as the bundle gives them to those libraries (scripts/bundle.mjs). Written for
 * unicode-trie 2.0 (UNICODE_TRIE_RANGE); test/vendor/unicode-trie.test.ts compares the
 * tables made here with unicode-trie's own for the data those libraries ship.
 *
 * Each library builds its table when it is imported, from unicode-trie's serialized form:
 * highStart, errorValue and the data's byte length (32-bit little-endian), then the data
 * deflated twice. unicode-trie inflates it with tiny-inflate, in JavaScript: about 10 ms
 * for unicode-properties' table, which fontkit consults for every glyph it makes. Here a
 * table is built on its first lookup (most builds never look one up: the bundled fonts
 * shape from their shaping tables) and inflated by Node's zlib, a fraction of a
 * millisecond, into the same 32-bit words unicode-trie would hold; the libraries only ever
 * call get(). Data in another form, a big-endian machine (where unicode-trie swaps the
 * bytes) or data zlib does not inflate to the stated length go to unicode-trie itself.
 */
export const UNICODE_TRIE_RANGE = { package: 'unicode-trie', from: '2.0.0', below: '3.0.0' } as const;

/** unicode-trie's pre-parsed form, which its constructor takes as it is. */
interface ParsedTrie {
  data: Uint32Array;
  highStart: number;
  errorValue: number;
}

export interface UnicodeTrie {
  get(codePoint: number): number;
}

export type UnicodeTrieClass = new (data: Uint8Array | ParsedTrie) => UnicodeTrie;

const HEADER_BYTES = 12;

/** The table unicode-trie makes of `data`, inflated by zlib where that gives the same words. */
export function inflateTrie(Trie: UnicodeTrieClass, data: Uint8Array): UnicodeTrie {
  if (!(data instanceof Uint8Array) || data.length < HEADER_BYTES || endianness() !== 'LE')
    return new Trie(data);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const length = view.getUint32(8, true);
  let bytes: Uint8Array;
  try {
    bytes = inflateRawSync(inflateRawSync(data.subarray(HEADER_BYTES)));
  } catch {
    return new Trie(data);
  }
  if (bytes.length !== length || length % 4 !== 0) return new Trie(data);
  const words = new Uint32Array(length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return new Trie({ data: words, highStart: view.getUint32(0, true), errorValue: view.getUint32(4, true) });
}

/** A stand-in for unicode-trie's class that builds the table on the first lookup. */
export function lazyUnicodeTrie(Trie: UnicodeTrieClass): new (data: Uint8Array) => UnicodeTrie {
  return class LazyUnicodeTrie {
    private trie: UnicodeTrie | undefined;
    constructor(private readonly data: Uint8Array) {}
    get(codePoint: number): number {
      return (this.trie ??= inflateTrie(Trie, this.data)).get(codePoint);
    }
  };
}
