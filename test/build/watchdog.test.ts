import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const WATCHDOG_FILE = path.resolve('src/build/watchdog.ts');
const WATCHDOG = pathToFileURL(WATCHDOG_FILE).href;

function runScript(script: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 40_000,
  });
}

/** A child process that starts the watchdog and then blocks its main thread, as a long layout would. */
function runBlocked(limits: string, graceMs: number) {
  return runScript(`
    import { startWatchdog } from ${JSON.stringify(WATCHDOG)};
    startWatchdog(${limits}, 'data/blocked.yaml', ${graceMs});
    const end = Date.now() + 30_000;
    while (Date.now() < end) {} // never yields: only another thread can stop this
    console.log('not stopped');
  `);
}

/**
 * The CLI's way (src/cli/guarded-run.ts): the build runs in a worker that its main thread
 * guards. The worker starts the watchdog and blocks for `blockMs`, having stopped the watchdog
 * after `stopAfterMs` if given; the main thread only guards it.
 */
function runGuardedBlocked(limits: string, blockMs: number, stopAfterMs?: number) {
  const worker = `
    (async () => {
      const { startWatchdog } = require('tsx/cjs/api').require(${JSON.stringify(WATCHDOG_FILE)}, ${JSON.stringify(WATCHDOG_FILE)});
      const watchdog = startWatchdog(${limits}, 'data/blocked.yaml', 0);
      ${stopAfterMs === undefined ? '' : `await new Promise((r) => setTimeout(r, ${stopAfterMs})); await watchdog.stop();`}
      const end = Date.now() + ${blockMs};
      while (Date.now() < end) {}
      console.log('not stopped');
    })();
  `;
  return runScript(`
    import { Worker } from 'node:worker_threads';
    import { GUARDED_WORKER, guardWorker } from ${JSON.stringify(WATCHDOG)};
    const worker = new Worker(${JSON.stringify(worker)}, {
      eval: true,
      // Not the parent's --input-type=module: the worker's code is CommonJS.
      execArgv: [],
      workerData: { [GUARDED_WORKER]: true },
    });
    guardWorker(worker);
  `);
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

  it('in a guarded worker, leaves the watching to the main thread, which stops a busy build', () => {
    const timed = runGuardedBlocked('{ timeLimitMs: 200, memoryBudgetMb: 100_000 }', 30_000);
    expect(timed.signal).toBe('SIGKILL');
    expect(timed.stdout).not.toContain('not stopped');
    expect(timed.stderr).toContain(
      'error: data/blocked.yaml: stopped the build because it ran past its time limit of 0.2 s (BRIEFKIT_TIME_LIMIT)',
    );
    const memory = runGuardedBlocked('{ timeLimitMs: 60_000, memoryBudgetMb: -500 }', 30_000);
    expect(memory.signal).toBe('SIGKILL');
    expect(memory.stderr).toContain('more memory than its budget');
  });

  it('in a guarded worker, stops watching when the build says it is done', () => {
    const child = runGuardedBlocked('{ timeLimitMs: 300, memoryBudgetMb: 100_000 }', 1_000, 50);
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('not stopped');
    expect(child.stderr).toBe('');
  });
});
