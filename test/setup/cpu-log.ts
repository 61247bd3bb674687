import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

/**
 * Loaded before each test file when BRIEFKIT_TEST_CPU_LOG names a file (scripts/test-cpu.mjs
 * sets it): appends one line per test file, the CPU seconds that loading it and running its
 * tests and hooks took in the worker (threads included) and in the child processes it waited
 * for, and its wall time. This file runs again before each test file, and a worker runs its
 * files one at a time, so the differences belong to the file.
 */
const log = process.env.BRIEFKIT_TEST_CPU_LOG;

/** CPU seconds of this process's children that have ended (Linux; 0 elsewhere). */
function childSeconds(): number {
  try {
    // Fields after the command name: state is the 1st, cutime and cstime the 14th and 15th.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

if (log) {
  const cpu = process.cpuUsage();
  const children = childSeconds();
  const started = performance.now();
  afterAll(() => {
    const used = process.cpuUsage(cpu);
    appendFileSync(
      log,
      `${JSON.stringify({
        file: expect.getState().testPath,
        pid: process.pid,
        cpu: (used.user + used.system) / 1e6,
        children: childSeconds() - children,
        wall: (performance.now() - started) / 1000,
      })}\n`,
    );
  });
}
