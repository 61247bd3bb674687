import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * How every input file is opened (briefings, configs, themes, templates, logos, fonts,
 * manifests): as a regular file only, its size taken from the opened descriptor, and
 * read with a bound. A FIFO would block the first read for ever, `/dev/zero` reports a
 * size of 0 and never ends, and a file can grow between a stat and a read; none of
 * them gets past this. O_NONBLOCK makes opening a FIFO return at once (the type check
 * then refuses it); it changes nothing for a regular file.
 */
export type BoundedRead =
  | { ok: true; bytes: Buffer<ArrayBuffer> }
  | { ok: false; reason: 'missing' | 'not-a-file'; kind?: string }
  | { ok: false; reason: 'too-large'; size: number };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export async function readBounded(file: string, maxBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EISDIR' ? 'not-a-file' : 'missing', kind: kindOf(code) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not-a-file', kind: describeKind(info) };
    if (info.size > maxBytes) return { ok: false, reason: 'too-large', size: info.size };
    // Read at most one byte past the bound: a file that grew since the stat is refused, not read whole.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return { ok: false, reason: 'too-large', size: length };
      if (length === buffer.length) break;
    }
    return { ok: true, bytes: buffer.subarray(0, length) as Buffer<ArrayBuffer> };
  } finally {
    await handle.close();
  }
}

/**
 * readBounded for the few synchronous readers (a shared theme package's package.json):
 * the same rules, regular files only, size from the descriptor, at most `maxBytes`.
 * Undefined for anything that is not a whole regular file within the bound.
 */
export function readBoundedSync(file: string, maxBytes: number): Buffer | undefined {
  let fd;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return undefined;
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The first `length` bytes of a regular file (a signature, an image header); undefined for anything else. */
export async function readHeadBounded(file: string, length: number): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function kindOf(code: string | undefined): string | undefined {
  return code === 'EISDIR' ? 'a folder' : code === 'EACCES' ? 'unreadable' : undefined;
}

function describeKind(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** "a named pipe (FIFO), not a regular file": the words for a `not-a-file` read. */
export function notAFileMessage(read: { kind?: string }): string {
  return read.kind === undefined || read.kind === 'not a regular file'
    ? 'not a regular file'
    : `${read.kind}, not a regular file`;
}

/**
 * Where a file really is, following every symbolic link (of the file and of its folders),
 * and whether that lies inside `root` (itself resolved the same way). A link inside a
 * confined folder that leads out of it is caught here: checking the folder is not enough.
 */
export async function isReallyInside(root: string, file: string): Promise<boolean> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) return true; // Missing: the caller reports it as missing.
  const relative = path.relative(realRoot, real);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}
