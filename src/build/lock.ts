import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { BriefkitError } from '../errors.js';
import { readBounded } from '../read-bounded.js';
import { isLeftOver } from './stale.js';
import { outputError } from './write-atomic.js';

export interface LockOptions {
  /** How long to wait for another build of the same outputs; default 60 s. */
  timeoutMs?: number;
  /** How often to look again while waiting. */
  pollMs?: number;
  /** A lock from another machine (a shared folder) counts as abandoned after this long. */
  foreignMaxAgeMs?: number;
}

export interface Lock {
  file: string;
  release(): Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
  thread: number;
  token: string;
}

/** A lock file that is empty or unreadable is being written: give its owner this long. */
const FRESH_MS = 2_000;

/** `output/.geneva.lock`: one per output name, next to the outputs it guards. */
export function lockFileFor(dir: string, name: string): string {
  return path.join(dir, `.${name}.lock`);
}

/**
 * Takes the exclusive lock on the outputs called `name` in `dir`, so two builds of the
 * same briefing never interleave their writes: the second waits for the first. The lock
 * is a file created with O_EXCL holding its owner's pid and host; when its owner has
 * died (killed, crashed, the machine rebooted), the next build removes it and goes on.
 */
export async function acquireLock(dir: string, name: string, options: LockOptions = {}): Promise<Lock> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const file = lockFileFor(dir, name);
  const owner: Owner = {
    pid: process.pid,
    host: hostname(),
    thread: threadId,
    token: randomBytes(8).toString('hex'),
  };
  // An output folder that cannot be made or written is the user's to fix, not an internal error.
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw outputError(file, error);
  });
  const started = Date.now();
  for (;;) {
    const created = await tryCreate(file, owner).catch((error: unknown) => {
      throw outputError(file, error);
    });
    if (created) return { file, release: () => release(file, owner) };
    const holder = await readOwner(file);
    if (holder === 'gone') continue;
    if (await isAbandoned(file, holder, options.foreignMaxAgeMs ?? 10 * 60_000)) {
      await breakLock(file, holder);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new BriefkitError('OUTPUT_LOCKED', {
        file,
        message: `another build (process ${holder?.pid ?? 'unknown'}) has been writing these outputs for over ${Math.round(timeoutMs / 1000)} s`,
        expected: 'one build of a briefing at a time; if no build runs, delete the lock file',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
  }
}

/** Runs `work` while holding the lock, and always releases it. */
export async function withLock<T>(
  dir: string,
  name: string,
  work: () => Promise<T>,
  options?: LockOptions,
): Promise<T> {
  const lock = await acquireLock(dir, name, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

async function tryCreate(file: string, owner: Owner): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

async function readOwner(file: string): Promise<Owner | undefined | 'gone'> {
  try {
    // Read with a bound: the output folder is not trusted to hold only what briefkit wrote there.
    const read = await readBounded(file, 4096);
    if (!read.ok) return read.reason === 'missing' ? 'gone' : undefined;
    const parsed = JSON.parse(read.bytes.toString('utf8')) as Partial<Owner>;
    return typeof parsed.pid === 'number' && typeof parsed.token === 'string' ? (parsed as Owner) : undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
}

async function isAbandoned(
  file: string,
  holder: Owner | undefined,
  foreignMaxAgeMs: number,
): Promise<boolean> {
  const modified = await stat(file).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  if (modified === undefined) return false;
  // Unreadable: its owner may be between creating and writing it; or it died right there.
  if (holder === undefined) return Date.now() - modified > FRESH_MS;
  return isLeftOver(holder, modified, foreignMaxAgeMs);
}

/**
 * Removes an abandoned lock without removing a fresh one by mistake: when two builds
 * find the same abandoned lock, the first may already have replaced it with its own.
 * The lock is moved aside first and checked: if it is not the abandoned one, it goes back.
 */
async function breakLock(file: string, abandoned: Owner | undefined): Promise<void> {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch {
    return; // Someone else moved it already.
  }
  const moved = await readOwner(aside);
  const same =
    abandoned === undefined ? moved === undefined : moved !== 'gone' && moved?.token === abandoned.token;
  if (!same) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

async function release(file: string, owner: Owner): Promise<void> {
  // Only our own lock: if it was broken (we stalled past the limits) it is someone else's now.
  const current = await readOwner(file);
  if (current !== 'gone' && current?.token === owner.token) await rm(file, { force: true });
}
