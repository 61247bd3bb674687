import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** A child process that starts the watchdog and then blocks its main thread, as a long layout would. */
function runBlocked(limits: string, graceMs: number) {
  const script = `
    import { startWatchdog } from './src/build/watchdog.ts';
    startWatchdog(${limits}, 'data/blocked.yaml', ${graceMs});
    const end = Date.now() + 30_000;
    while (Date.now() < end) {} // never yields: only another thread can stop this
    console.log('not stopped');
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 40_000,
  });
}

describe('startWatchdog', () => {
  it('stops a build whose main thread is busy past its time limit, and says why', () => {
    const started = Date.now();
    const child = runBlocked('{ timeLimitMs: 200, memoryBudgetMb: 100_000 }', 0);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).not.toContain('not stopped');
    expect(child.stderr).toContain(
      'error: data/blocked.yaml: stopped the build because it ran past its time limit of 0.2 s (BRIEFKIT_TIME_LIMIT)',
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops a build over its memory budget', () => {
    const child = runBlocked('{ timeLimitMs: 60_000, memoryBudgetMb: -500 }', 0);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stderr).toContain('more memory than its budget');
  });
});
