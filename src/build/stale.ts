import { readFileSync } from 'node:fs';
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
 * And a live process may have been given a dead owner's pid: if it started after the
 * file was last written, it is not the owner.
 */
export function isLeftOver(
  owner: { pid: number; host?: string },
  modifiedMs: number,
  maxAgeMs: number,
): boolean {
  if (owner.host !== undefined && owner.host !== hostname()) return Date.now() - modifiedMs > maxAgeMs;
  if (owner.pid === process.pid) return modifiedMs < PROCESS_STARTED - 1000;
  if (!isProcessAlive(owner.pid)) return true;
  // A live process with that id that started after the file was last written is not its
  // owner: the id was reused (after a reboot, or in a container that restarts at small pids).
  const started = processStartedMs(owner.pid);
  return started !== undefined && started > modifiedMs + 2000;
}

/**
 * When process `pid` started, in ms since 1970, where the system says (Linux's /proc:
 * the boot time plus the process's start in clock ticks, 100 a second); undefined elsewhere.
 */
export function processStartedMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name in parentheses may hold spaces; fields after it start with the 3rd, the start time is the 22nd.
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const ms = boot * 1000 + startTicks * 10;
    return Number.isFinite(ms) && ms > 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}
