// Where a cold CLI build spends its CPU: runs one `briefkit build` of the Geneva
// example under `node --cpu-prof` and summarises the profile by self time (per
// function and per package), by inclusive time per package, and by category
// (module loading, garbage collection, ...). Frames in the bundles (dist/) are mapped
// back through their source maps to the package or src/ file they came from (for an
// existing profile, only while the dist/ files it names are still there).
//
//   node bench/profile.mjs                  # profile a cold build, print the summary
//   node bench/profile.mjs x.cpuprofile     # summarise an existing profile
//   BENCH_PROFILE_KEEP=dir node bench/profile.mjs   # keep the .cpuprofile in dir
//
// Open the .cpuprofile in Chrome DevTools (Performance) or speedscope for a flame chart.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, copyFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFrameMapper } from './lib/source-maps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs one cold CLI build under --cpu-prof; returns the parsed profile and its file. */
export function profileColdBuild({ root = ROOT, file = 'data/geneva-2026-02-26.yaml', keepDir } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefkit-prof-'));
  const profDir = path.join(dir, 'prof');
  try {
    const run = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${profDir}`,
        '--cpu-prof-interval=250',
        'bin/briefkit.js',
        'build',
        file,
        '--out',
        path.join(dir, 'out'),
        '--force',
        '--quiet',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`profiled build failed (${run.status}): ${run.stderr}`);
    // Each thread writes its own profile: a build of one briefing runs in a worker thread that
    // the main thread only starts and guards (src/cli/guarded-run.ts), so the build's profile
    // is the largest one; the main thread's (a few ms) is left out.
    const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
    const size = (f) => statSync(path.join(profDir, f)).size;
    const main = files.sort((a, b) => size(b) - size(a))[0];
    let kept;
    if (keepDir) {
      mkdirSync(keepDir, { recursive: true });
      kept = path.join(keepDir, 'cold-build.cpuprofile');
      copyFileSync(path.join(profDir, main), kept);
    }
    return { profile: JSON.parse(readFileSync(path.join(profDir, main), 'utf8')), file: kept };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Package of a script URL: an npm package name, briefkit's own code, or Node's internals. */
function packageOf(url, functionName) {
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (garbage collector), (program), (idle)
    return '(native)';
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:internal/modules') || url.startsWith('node:internal/deps/cjs-module-lexer')) {
    return 'node: module loader';
  }
  if (url.startsWith('node:')) return 'node: core';
  if (url.includes('/dist/') || url.includes('/src/')) return 'briefkit';
  if (url.includes('/bin/')) return 'briefkit';
  return url;
}

/** Function names of Node's loaders: everything under one of these is loading code. */
const LOADER_URL = /^node:internal\/(modules|deps\/cjs-module-lexer)/;

/** Packages grouped by the job they do, to answer "how much is fonts, SVG, zip...". */
export const GROUPS = {
  'fonts (fontkit, restructure, tiny-inflate, unicode-*, brotli)':
    /^(fontkit|restructure|tiny-inflate|unicode-properties|unicode-trie|brotli|dfa|clone)$/,
  'PDF writing (pdfkit, its zlib, crypto)': /^(pdfkit|@noble\/.*|png-js|jpeg-exif|linebreak|crypto-js)$/,
  'SVG into PDF (svg-to-pdfkit)': /^svg-to-pdfkit$/,
  'charts (chart.js, chartjs-node-canvas, canvas)': /^(chart\.js|chartjs-node-canvas|canvas|@kurkle\/color)$/,
  'deck (pptxgenjs, jszip, pako)':
    /^(pptxgenjs|jszip|pako|image-size|https|lie|immediate|setimmediate|readable-stream)$/,
  'input and text (yaml, zod, handlebars, marked)': /^(yaml|zod|handlebars|marked)$/,
};

/**
 * Summarises a V8 CPU profile. Self time is where the CPU was when sampled;
 * inclusive time per package counts a sample once for every package on its stack.
 * "Module loading" counts samples with a loader frame anywhere on the stack: it
 * includes resolving, reading, compiling and running modules' top-level code.
 */
export function summariseProfile(profile, { top = 25 } = {}) {
  // Each node's call frame, mapped back from dist/ to its original source, and its package.
  const mapFrame = createFrameMapper();
  const byId = new Map(
    profile.nodes.map((n) => {
      const callFrame = mapFrame(n.callFrame);
      return [n.id, { callFrame, pkg: packageOf(callFrame.url, callFrame.functionName) }];
    }),
  );
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the gap after it to it.
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fnSelf = new Map();
  const pkgSelf = new Map();
  const pkgIncl = new Map();
  let loadingUs = 0;
  const groupIncl = new Map(Object.keys(GROUPS).map((g) => [g, 0]));
  // For each group: the briefkit functions nearest to it on the stack, i.e. who asked for the work.
  const groupCallers = new Map(Object.keys(GROUPS).map((g) => [g, new Map()]));
  const callerOf = new Map(); // function key -> Map(caller label -> us)
  const frameLabel = (cf) => {
    const short = cf.url
      .replace(/^file:\/\/.*?\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(dist|src|bin)\//, '$1/');
    return `${cf.functionName || '(anonymous)'} ${short}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
  };
  for (const [id, us] of selfUs) {
    const { callFrame, pkg } = byId.get(id);
    const { functionName, url, lineNumber } = callFrame;
    const shortUrl = url
      .replace(/^file:\/\/.*?\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(dist|src|bin)\//, '$1/');
    const key = `${functionName || '(anonymous)'}  ${shortUrl}${url ? `:${lineNumber + 1}` : ''}`;
    const f = fnSelf.get(key) ?? {
      function: functionName || '(anonymous)',
      where: url ? `${shortUrl}:${lineNumber + 1}` : '',
      package: pkg,
      us: 0,
    };
    f.us += us;
    fnSelf.set(key, f);
    pkgSelf.set(pkg, (pkgSelf.get(pkg) ?? 0) + us);
    // Walk the stack once: inclusive per package and group, whether a loader is on it,
    // the nearest frame of another package (who called this function), and the nearest
    // briefkit frame above each group's work.
    const seen = new Set();
    const seenGroups = new Set();
    let loading = false;
    let caller;
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const { callFrame: cf, pkg: p } = byId.get(cur);
      if (p !== '(root)') seen.add(p);
      if (LOADER_URL.test(cf.url)) loading = true;
      if (caller === undefined && cur !== id && p !== pkg && p !== '(root)') caller = frameLabel(cf);
      for (const [g, re] of Object.entries(GROUPS)) if (re.test(p)) seenGroups.add(g);
      if (p === 'briefkit') {
        for (const g of seenGroups) {
          const m = groupCallers.get(g);
          if (!m.has(`#${id}`)) {
            m.set(`#${id}`, true);
            const label = frameLabel(cf);
            m.set(label, (m.get(label) ?? 0) + us);
          }
        }
      }
    }
    for (const p of seen) pkgIncl.set(p, (pkgIncl.get(p) ?? 0) + us);
    for (const g of seenGroups) groupIncl.set(g, groupIncl.get(g) + us);
    if (loading) loadingUs += us;
    if (caller) {
      const m = callerOf.get(key) ?? new Map();
      m.set(caller, (m.get(caller) ?? 0) + us);
      callerOf.set(key, m);
    }
  }
  const ms = (us) => Math.round(us / 100) / 10;
  const pct = (us) => Math.round((1000 * us) / totalUs) / 10;
  const packages = [...pkgSelf.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({
      package: name,
      selfMs: ms(us),
      selfPct: pct(us),
      inclusiveMs: ms(pkgIncl.get(name) ?? us),
      inclusivePct: pct(pkgIncl.get(name) ?? us),
    }));
  const topOf = (m, n) =>
    [...m.entries()]
      .filter(([k]) => !k.startsWith('#'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  const functions = [...fnSelf.entries()]
    .sort((a, b) => b[1].us - a[1].us)
    .slice(0, top)
    .map(([key, f]) => {
      const [calledFrom] = topOf(callerOf.get(key) ?? new Map(), 1);
      return {
        function: f.function,
        where: f.where,
        package: f.package,
        selfMs: ms(f.us),
        selfPct: pct(f.us),
        ...(calledFrom && { calledFrom: calledFrom[0] }),
      };
    });
  const groups = [...groupIncl.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([group, us]) => ({
      group,
      inclusiveMs: ms(us),
      inclusivePct: pct(us),
      askedBy: topOf(groupCallers.get(group), 4).map(([fn, t]) => ({ function: fn, ms: ms(t) })),
    }));
  return {
    sampledMs: ms(totalUs),
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000),
    categories: {
      moduleLoadingMs: ms(loadingUs),
      moduleLoadingPct: pct(loadingUs),
      garbageCollectorMs: ms(pkgSelf.get('(garbage collector)') ?? 0),
      idleMs: ms(pkgSelf.get('(idle)') ?? 0),
    },
    groups,
    packages,
    functions,
  };
}

export function formatProfile(summary, { packages = 15, functions = 20 } = {}) {
  const lines = [];
  const { categories: c } = summary;
  lines.push(
    `CPU profile of one cold CLI build: ${summary.sampledMs} ms sampled (${summary.wallMs} ms profiled wall)`,
    `  module loading (resolve, read, compile, run top-level code): ${c.moduleLoadingMs} ms (${c.moduleLoadingPct}%)`,
    `  garbage collector: ${c.garbageCollectorMs} ms · idle: ${c.idleMs} ms`,
    '',
    '  by job (inclusive: a sample counts once if the job is anywhere on the stack)',
  );
  for (const g of summary.groups) {
    lines.push(
      `  ${g.group.padEnd(62)} ${String(g.inclusiveMs).padStart(8)} ms ${String(g.inclusivePct).padStart(6)}%`,
    );
    for (const a of g.askedBy)
      lines.push(`      from ${a.function.slice(0, 66).padEnd(66)} ${String(a.ms).padStart(7)} ms`);
  }
  lines.push('', '  package                         self ms   self %   incl. ms  incl. %');
  for (const p of summary.packages.slice(0, packages)) {
    lines.push(
      `  ${p.package.padEnd(30)} ${String(p.selfMs).padStart(8)} ${String(p.selfPct).padStart(7)}% ${String(p.inclusiveMs).padStart(9)} ${String(p.inclusivePct).padStart(7)}%`,
    );
  }
  lines.push(
    '',
    '  top functions by self time                                                      self ms      %',
  );
  for (const f of summary.functions.slice(0, functions)) {
    const label = `${f.function}  ${f.where}`;
    lines.push(
      `  ${label.slice(0, 78).padEnd(78)} ${String(f.selfMs).padStart(8)} ${String(f.selfPct).padStart(6)}%`,
    );
    if (f.calledFrom) lines.push(`      ← ${f.calledFrom.slice(0, 80)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const given = process.argv[2];
  const profile = given
    ? JSON.parse(readFileSync(given, 'utf8'))
    : profileColdBuild({ keepDir: process.env.BENCH_PROFILE_KEEP }).profile;
  console.log(formatProfile(summariseProfile(profile, { top: 40 }), { packages: 25, functions: 40 }));
}
