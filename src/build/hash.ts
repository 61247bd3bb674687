import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hashes of files by path, size and modification time, for the life of the process. */
const fileHashes = new Map<string, { stamp: string; hash: string }>();
const MAX_FILE_HASHES = 256;

/**
 * The SHA-256 of a file that rarely changes (a font, a theme, a logo). Every build's
 * manifest records them, and reading and hashing the fonts again (megabytes) was a
 * noticeable part of a watch rebuild. A file whose size or modification time differs
 * from when it was hashed is read again, so an edited theme or a replaced font is seen.
 */
export async function sha256OfFile(file: string): Promise<string> {
  const info = await stat(file);
  const stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
  const known = fileHashes.get(file);
  if (known?.stamp === stamp) return known.hash;
  const hash = sha256(await readFile(file));
  if (fileHashes.size >= MAX_FILE_HASHES) fileHashes.clear();
  fileHashes.set(file, { stamp, hash });
  return hash;
}
