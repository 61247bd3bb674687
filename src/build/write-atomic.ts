import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefkitError } from '../errors.js';
import { isLeftOver } from './stale.js';

export interface FileToWrite {
  file: string;
  data: Uint8Array | string;
}

/**
 * Temporary files are `.<name>.<pid>.<hex>.tmp` next to their target: hidden, in the
 * same folder (so the rename is atomic on the same file system), and named after the
 * process that writes them, so a later writer can tell a dead process's leftovers
 * from a live one's work in progress.
 */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export function tempFileFor(file: string, pid = process.pid): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * Writes a file so that readers see the old bytes or the new ones, never a mix:
 * write a temporary file in the same folder, flush it to disk, rename it into place.
 * A crash or a kill at any moment leaves the previous file intact.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await writeFilesAtomic([{ file, data }]);
}

/**
 * Writes several files as one change, as far as a file system allows: every file is
 * written and flushed to its temporary name first, and only when all of them are on
 * disk are they renamed into place. A full disk, a crash or a kill while writing
 * leaves every previous file as it was; only the renames at the end (microseconds,
 * and they need no space) separate the old set from the new one.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  const temps: string[] = [];
  let current = '';
  try {
    for (const { file, data } of files) {
      current = file;
      await mkdir(path.dirname(file), { recursive: true });
      const temp = tempFileFor(file);
      temps.push(temp);
      const handle = await open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    throw outputError(current, error);
  }
  // Every target must be replaceable before the first rename: a folder where an output goes
  // would fail the second rename after the first had replaced a file.
  for (const { file } of files) {
    const info = await lstat(file).catch(() => undefined);
    if (info && !info.isFile() && !info.isSymbolicLink()) {
      await Promise.all(temps.map((temp) => rm(temp, { force: true })));
      throw outputError(
        file,
        Object.assign(new Error(`${path.basename(file)} is a folder or a special file`), { code: 'EISDIR' }),
      );
    }
  }
  await renameAll(files.map(({ file }, i) => ({ file, temp: temps[i]! })));
  await Promise.all([...new Set(files.map(({ file }) => path.dirname(file)))].map(syncDirectory));
}

/**
 * Renames each temporary file into place, keeping the file it replaces as a hard link
 * until all are done: if a later rename fails, the earlier ones are undone, so a failed
 * build leaves the previous set of outputs whole, not half of each.
 */
async function renameAll(moves: readonly { file: string; temp: string }[]): Promise<void> {
  const done: { file: string; backup?: string }[] = [];
  try {
    for (const { file, temp } of moves) {
      // Named like a temporary file, so a kill right here leaves nothing the next build keeps.
      const backup = tempFileFor(file);
      const kept = await link(file, backup).then(
        () => true,
        () => false,
      );
      done.push({ file, ...(kept && { backup }) });
      await rename(temp, file);
    }
  } catch (error) {
    const failed = done.pop();
    if (failed?.backup) await rm(failed.backup, { force: true });
    for (const { file, backup } of done.reverse()) {
      if (backup) await rename(backup, file).catch(() => undefined);
      else await rm(file, { force: true });
    }
    await Promise.all(moves.map(({ temp }) => rm(temp, { force: true })));
    throw outputError(failed?.file ?? moves[0]?.file ?? '', error);
  }
  await Promise.all(done.map(({ backup }) => (backup ? rm(backup, { force: true }) : undefined)));
}

/**
 * Removes temporary files that a killed or crashed writer left in `dir` (a killed
 * process cannot clean up after itself), for the given target names only. Files of a
 * process that still runs are its work in progress and stay.
 */
export async function removeStaleTempFiles(dir: string, names: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const entry of entries) {
    const match = TEMP_NAME.exec(entry);
    if (!match || !names.includes(match[1]!)) continue;
    const full = path.join(dir, entry);
    const modified = await stat(full).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (modified === undefined || !isLeftOver({ pid: Number(match[2]) }, modified, Infinity)) continue;
    await rm(full, { force: true });
    removed.push(entry);
  }
  return removed;
}

/** Makes the renames themselves durable; not every platform can open a folder, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** A file system error while writing outputs, said in the user's terms. */
export function outputError(file: string, error: unknown): BriefkitError {
  const err = error as NodeJS.ErrnoException;
  const reason =
    err.code === 'ENOSPC'
      ? 'no space left on the disk'
      : err.code === 'EACCES' || err.code === 'EPERM'
        ? 'permission denied'
        : err.code === 'EROFS'
          ? 'the file system is read-only'
          : (err.message ?? String(error));
  return new BriefkitError(
    'OUTPUT_ERROR',
    {
      file,
      message: `could not write the output: ${reason}${err.code ? ` (${err.code})` : ''}`,
      expected: 'a writable output folder with free space; the previous outputs are unchanged',
    },
    { cause: error },
  );
}
