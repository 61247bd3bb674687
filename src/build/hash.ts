import { createHash } from 'node:crypto';
import { readBounded } from '../read-bounded.js';
import { boundedCache, fileStamp } from '../cache/index.js';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hashes of files by path and stamp (size, modification time, inode). */
const fileHashes = boundedCache<Promise<string>>({ name: 'file hashes', maxEntries: 256 });

/**
 * The SHA-256 of a file that rarely changes (a font, a theme, a logo). Every build's
 * manifest records them, and reading and hashing the fonts again (megabytes) was a
 * noticeable part of a watch rebuild. A file whose stamp differs from when it was
 * hashed is read again, so an edited theme or a replaced font is seen.
 */
/** The largest input hashed: a font (32 MB at most) is the largest input there is. */
const MAX_HASHED_BYTES = 64 * 1024 * 1024;

export async function sha256OfFile(file: string): Promise<string> {
  const stamp = await fileStamp(file);
  return fileHashes.get(`${file}\0${stamp}`, async () => {
    // The theme loader checked the file; read it with a bound all the same (it can change since).
    const read = await readBounded(file, MAX_HASHED_BYTES);
    if (!read.ok) throw new Error(`${file} cannot be read (${read.reason})`);
    return sha256(read.bytes);
  });
}
