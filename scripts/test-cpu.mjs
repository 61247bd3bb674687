// Where npm test spends its CPU: runs vitest (arguments passed on, e.g. a folder) with
// test/setup/cpu-log.ts logging each test file, then prints the files by CPU seconds
// (worker + child processes), with the totals. CPU time is what two cores have to share,
// so it tells more than wall time on a busy machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = mkdtempSync(path.join(tmpdir(), 'briefkit-test-cpu-'));
const log = path.join(dir, 'cpu.jsonl');
/** CPU seconds of the children that have ended: all of vitest's tree once it is done (Linux). */
const childSeconds = () => {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
};
const wall = performance.now();
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, NO_COLOR: '1', BRIEFKIT_TEST_CPU_LOG: log },
});
// vitest's own summary (files, tests, duration).
const summary = run.stdout.split('\n').filter((line) => /^\s*(Test Files|Tests|Duration)\s/.test(line));
const rows = readFileSync(log, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
rmSync(dir, { recursive: true, force: true });
rows.sort((a, b) => b.cpu + b.children - (a.cpu + a.children));
const cell = (n) => n.toFixed(1).padStart(7);
console.log(`${'cpu s'.padStart(7)}${'child s'.padStart(8)}${'wall s'.padStart(7)}  file`);
for (const r of rows) {
  console.log(`${cell(r.cpu)} ${cell(r.children)}${cell(r.wall)}  ${path.relative(process.cwd(), r.file)}`);
}
const sum = (key) => rows.reduce((total, r) => total + r[key], 0);
console.log(`${cell(sum('cpu'))} ${cell(sum('children'))}         ${rows.length} test files`);
console.log(summary.join('\n'));
console.log(
  `whole run: ${childSeconds().toFixed(1)} s of CPU (vitest, its workers, the global setup and` +
    ` every process they waited for), ${((performance.now() - wall) / 1000).toFixed(1)} s wall`,
);
process.exitCode = run.status ?? 1;
