import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * A checksum around the V8 code cache files (src/cli/code-cache.ts). V8 checks a cache's header
 * (its version, its flags, the source's length) but, in release builds, not its contents: a
 * cache damaged on disk (a flipped bit, pages lost to a crash after the rename) is deserialised
 * as it is, and the process dies (SIGSEGV, a V8 fatal error with a native stack trace) or runs
 * code that is not the bundle's, at every run until someone deletes the file. So each file
 * starts with a checksum of the rest, checked before V8 sees it; a mismatch is a miss, and the
 * cache is written again.
 */

/** The checksum, then 4 bytes of padding: V8 reads a cache that is 8-byte aligned without copying it. */
const HEADER_BYTES = 8;

/** zlib.crc32 (Node >= 20.15, 22.2): ~0.4 ms for the CLI's cache, a SHA-256 ~1.5-3 ms. */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

function checksum(data: Uint8Array): number {
  // A given Node always takes the same branch, and a cache file is named after the Node version.
  return crc32 ? crc32(data) >>> 0 : createHash('sha256').update(data).digest().readUInt32LE(0);
}

/** The bytes of a cache file for V8's cache `data`. */
export function sealCodeCache(data: Uint8Array): Buffer {
  const sealed = Buffer.alloc(HEADER_BYTES + data.length);
  sealed.writeUInt32LE(checksum(data), 0);
  sealed.set(data, HEADER_BYTES);
  return sealed;
}

/** V8's cache in a cache file's bytes, or undefined when there is none or it is damaged. */
export function unsealCodeCache(file: Buffer | undefined): Buffer | undefined {
  if (file === undefined || file.length <= HEADER_BYTES) return undefined;
  const data = file.subarray(HEADER_BYTES);
  return file.readUInt32LE(0) === checksum(data) ? data : undefined;
}
