import { hostname } from 'node:os';

/** When this process started (the same in every worker thread of it). */
const PROCESS_STARTED = Date.now() - process.uptime() * 1000;

/** Whether a process with this id runs on this machine (signal 0 checks without sending). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lock or temporary file left by process `pid` on `host` is a leftover that
 * nobody will finish: its process has died. Two cases need care. Our own pid may be a
 * previous process's (containers restart at the same small pids): a file older than
 * this process is then a leftover, a newer one belongs to another thread of ours.
 * Another host's pid cannot be checked, so its file counts as left over after maxAgeMs.
 */
export function isLeftOver(
  owner: { pid: number; host?: string },
  modifiedMs: number,
  maxAgeMs: number,
): boolean {
  if (owner.host !== undefined && owner.host !== hostname()) return Date.now() - modifiedMs > maxAgeMs;
  if (owner.pid === process.pid) return modifiedMs < PROCESS_STARTED - 1000;
  return !isProcessAlive(owner.pid);
}
