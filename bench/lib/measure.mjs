// Running a command as a whole process and measuring it: wall time (here), CPU time
// and peak RSS (from GNU time when it works, else from the child's own
// process.resourceUsage(), written at exit by a preloaded module).
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, URL } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./rusage-preload.mjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';
let tmpCounter = 0;

/** 'gnu-time' when /usr/bin/time -f %M works here, else 'preload' (node commands only). */
export function detectRssMethod() {
  if (process.env.BENCH_RSS === 'preload') return 'preload';
  if (!existsSync(GNU_TIME)) return 'preload';
  const probe = spawnSync(GNU_TIME, ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' });
  const kb = Number(probe.stderr.trim().split('\n').at(-1));
  return probe.status === 0 && Number.isFinite(kb) && kb > 1000 ? 'gnu-time' : 'preload';
}

/** CPU time the whole machine has spent busy (all cores, all processes), in ms. */
export function machineBusyMs() {
  let busy = 0;
  for (const cpu of os.cpus()) busy += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq;
  return busy;
}

/**
 * Runs `node ...args` and resolves to { wallMs, cpuMs, maxRssKb, othersPct, code, stdout, stderr }.
 * Wall time is measured here around spawn and exit, the same way for every command,
 * so the floor (`node -e 0`) carries the same overhead as the builds.
 */
export function runNode(args, options = {}) {
  return runCommand(process.execPath, args, options);
}

/**
 * Runs any command the same way (the peers: Chromium, LibreOffice). Without GNU time, CPU
 * and peak RSS are only known for node commands. A command whose helper processes outlive
 * their parent's wait (Chromium's renderer) reports less CPU than it used: compare its wall time.
 */
export function runCommand(executable, args, { cwd, env = process.env, method, tmpDir = os.tmpdir() } = {}) {
  const statFile = path.join(tmpDir, `bench-rusage-${process.pid}-${tmpCounter++}.txt`);
  const isNode = executable === process.execPath;
  let command = executable;
  let argv = args;
  let childEnv = env;
  if (method === 'gnu-time') {
    command = GNU_TIME;
    argv = ['-f', '%e %U %S %M', '-o', statFile, executable, ...args];
  } else if (isNode) {
    argv = ['--import', PRELOAD, ...args];
    childEnv = { ...env, BENCH_RUSAGE_FILE: statFile };
  }
  return new Promise((resolve, reject) => {
    const busyBefore = machineBusyMs();
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let cpuMs = NaN;
      let maxRssKb = NaN;
      try {
        const text = readFileSync(statFile, 'utf8').trim().split('\n').at(-1);
        if (method === 'gnu-time') {
          const [, user, sys, rss] = text.split(' ').map(Number);
          cpuMs = (user + sys) * 1000;
          maxRssKb = rss;
        } else {
          const usage = JSON.parse(text);
          cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
          maxRssKb = usage.maxRSS;
        }
      } catch {
        // A crashed child may leave no figures; the code says so.
      }
      rmSync(statFile, { force: true });
      // What other processes took meanwhile, as a share of the machine: a sign that the
      // wall times of this run are inflated by other work (tests, builds) on the machine.
      const othersMs = Math.max(0, machineBusyMs() - busyBefore - (Number.isFinite(cpuMs) ? cpuMs : 0));
      resolve({
        wallMs,
        cpuMs,
        maxRssKb,
        othersPct: (100 * othersMs) / (wallMs * os.cpus().length),
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** { median, min, max, n } of finite values. */
export function stats(values) {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/** The JSON document a command printed on stdout (the last one, if it printed lines before). */
export function parseJsonOutput(stdout) {
  const text = stdout.trim();
  try {
    return JSON.parse(text);
  } catch {
    const lines = text.split('\n');
    return JSON.parse(lines.at(-1));
  }
}
