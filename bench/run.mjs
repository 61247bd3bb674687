// briefkit's benchmark (issue 9). Not a test: `npm run bench` bundles dist/ and runs
// this, which measures the bundled CLI and API on this machine against the floor of
// the same machine in the same run, prints a table and writes bench/results.json.
//
//   npm run bench                        full run (about 3-5 minutes on 2 cores)
//   BENCH_QUICK=1 npm run bench          smoke run: fewer repetitions, smaller batches (< 1 minute)
//   node bench/run.mjs --only cold,warm  some parts: floor, cold, warm, batch, growth, imports, profile
//   BENCH_KEEP=1                         keep the temporary folder (outputs, generated briefings)
//   BENCH_RSS=preload                    measure peak RSS from inside the child instead of /usr/bin/time
//   npm run bench -- --peers             also time the peers: headless Chromium printing an HTML
//                                        report of the same briefing to PDF, LibreOffice converting
//                                        briefkit's deck to PDF (skipped with a note where not installed)
//
// What it measures, all as median, min and max over repeated runs:
// - whole processes: `node -e 0`, a bare pdfkit + pptxgenjs script (bench/floor/floor.mjs),
//   and `node bin/briefkit.js build data/geneva-2026-02-26.yaml --out <tmp> --force` for
//   both outputs, PDF only and PPTX only; wall time, CPU time, peak RSS, stage timings (--json);
// - a warm rebuild in one process, as watch and the API do (bench/lib/warm-child.mjs);
// - a batch of generated briefings with 1 worker and with all cores (--jobs);
// - growth with the size of a briefing (1x, 10x, 100x sections and table rows) and
//   with the number of briefings in a batch;
// - what importing each heavy dependency costs in a fresh process;
// - a CPU profile of one cold CLI build (bench/profile.mjs).
//
// It runs a snapshot of the package (bin/, dist/, templates/, package.json) copied at
// start, so a rebuild of dist/ during the bench (npm test does one) cannot mix versions.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  GENEVA,
  loadGeneva,
  readDataLimits,
  scaledBriefing,
  textChars,
  writeBatch,
  writeBriefing,
} from './lib/generate.mjs';
import { detectRssMethod, parseJsonOutput, runCommand, runNode, stats } from './lib/measure.mjs';
import { writeHtmlReport } from './lib/peer-report.mjs';
import { formatProfile, profileColdBuild, summariseProfile } from './profile.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .slice(0, 23)
      .join('\n'),
  );
  process.exit(0);
}
const QUICK = process.env.BENCH_QUICK === '1' || args.includes('--quick');
const PEERS = process.env.BENCH_PEERS === '1' || args.includes('--peers');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : process.env.BENCH_ONLY;
const PARTS = new Set(
  onlyArg ? onlyArg.split(',') : ['floor', 'cold', 'warm', 'batch', 'growth', 'imports', 'profile'],
);
const CORES = os.availableParallelism();

/** Repetitions: fewer for the slow parts; BENCH_QUICK for a smoke run. */
const CONFIG = QUICK
  ? {
      nodeReps: 5,
      floorReps: 3,
      coldReps: 3,
      formatReps: 3,
      warmRuns: 5,
      batchSize: 10,
      batchCounts: [5, 10],
      growth: [1, 10],
      growthReps: 1,
    }
  : {
      nodeReps: 10,
      floorReps: 5,
      coldReps: 7,
      formatReps: 5,
      warmRuns: 12,
      batchSize: 100,
      batchCounts: [10, 50, 100],
      growth: [1, 10, 100],
      growthReps: 2,
    };

/**
 * Targets of issue 20 (they replace issue 9's absolute ones), for the Geneva example on a
 * 2-core machine; ratios are measured in the same run. Sizes and memory in SI units.
 */
const TARGETS = {
  /** Cold build of both outputs: at most this times the naive script (standard fonts)... */
  coldBothXStandardFloor: 1.5,
  /** ...and no slower than the same script with the embedded Noto fonts. */
  coldBothXFloor: 1,
  /** Cold PDF: at most this times headless Chromium printing the same report (--peers). */
  coldPdfXChromium: 0.5,
  coldPptxMs: 250,
  warmBothMs: 100,
  /** Briefings per second of the generated batch with one worker per core. */
  batchPerS: 15,
  peakRssBytes: 120e6,
  pdfBytes: 300e3,
  pptxBytes: 500e3,
};

const STAGES = ['load', 'validate', 'compose', 'parse', 'charts', 'pdf', 'pptx', 'write'];

// ---------------------------------------------------------------------------- setup

const benchStarted = performance.now();
const log = (line) => process.stderr.write(`${line}\n`);
const work = mkdtempSync(path.join(os.tmpdir(), 'briefkit-bench-'));
const PKG = path.join(work, 'pkg');
const rssMethod = detectRssMethod();
const geneva = loadGeneva(ROOT);
const limits = readDataLimits(ROOT);
const partTimes = {};

function machine() {
  const cpus = os.cpus();
  let commit;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'templates'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    if (dirty) commit += ' + uncommitted changes in src/ or templates/';
  } catch {
    commit = undefined;
  }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: CORES,
    memoryGB: Math.round(os.totalmem() / 1e8) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // The CLI keeps V8's code of its bundle in node_modules/.cache/briefkit/code (filled by
    // npm run build), on every Node; bin/briefkit.js also turns on Node's compile cache where
    // Node has it (>= 22.1), for the pool's workers. Cold figures are with both.
    compileCache: nodeCompileCache(),
    briefkit: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    commit,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The code caches the CLI runs with: its own (src/cli/code-cache.ts), and Node's where Node has one. */
function nodeCompileCache() {
  const own = "briefkit's own";
  if (typeof module.enableCompileCache !== 'function') return `${own}; Node's: not in this Node`;
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return `${own}; Node's: off (NODE_DISABLE_COMPILE_CACHE)`;
  return `${own}; Node's: on (${process.env.NODE_COMPILE_CACHE || path.join(os.tmpdir(), 'node-compile-cache')})`;
}

/** Copies the runnable package into the work folder, waiting out a concurrent rebuild of dist/. */
function snapshotPackage() {
  const needed = [
    'dist/cli.cjs',
    'dist/cli-main.cjs',
    'dist/index.js',
    'dist/build-worker.js',
    'bin/briefkit.js',
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(PKG, { recursive: true, force: true });
      mkdirSync(PKG, { recursive: true });
      if (!needed.every((f) => existsSync(path.join(ROOT, f)))) throw new Error('dist/ is incomplete');
      for (const dir of ['bin', 'dist', 'templates'])
        cpSync(path.join(ROOT, dir), path.join(PKG, dir), { recursive: true });
      cpSync(path.join(ROOT, 'package.json'), path.join(PKG, 'package.json'));
      cpSync(path.join(ROOT, GENEVA), path.join(PKG, GENEVA));
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(PKG, 'node_modules'), 'dir');
      execFileSync(process.execPath, ['bin/briefkit.js', '--version'], { cwd: PKG, stdio: 'pipe' });
      return;
    } catch (error) {
      if (attempt >= 15) {
        throw new Error(`cannot take a snapshot of dist/ (run npm run build): ${error.message}`, {
          cause: error,
        });
      }
      execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 2000)']);
    }
  }
}

/**
 * The bench measures, it does not test limits: a build's time limit (BRIEFKIT_TIME_LIMIT,
 * 120 s by default) is raised so that the 100x briefing on a loaded machine is timed, not killed.
 */
const BENCH_ENV = { ...process.env, BRIEFKIT_TIME_LIMIT: process.env.BRIEFKIT_TIME_LIMIT ?? '1800' };
const run = (nodeArgs, options = {}) =>
  runNode(nodeArgs, { cwd: PKG, method: rssMethod, tmpDir: work, env: BENCH_ENV, ...options });

function check(result, what) {
  if (result.code !== 0) {
    throw new Error(`${what} failed with exit code ${result.code}:\n${result.stderr.slice(-2000)}`);
  }
  return result;
}

const cli = (file, out, extra = []) => [
  'bin/briefkit.js',
  'build',
  file,
  '--out',
  out,
  '--force',
  '--json',
  ...extra,
];
const FLOOR = path.join(ROOT, 'bench/floor/floor.mjs');

/** Pages of a pdfkit PDF (no object streams) and slides of a deck, read from the files. */
function pageCount(file) {
  return (
    readFileSync(file)
      .toString('latin1')
      .match(/\/Type \/Page\b/g)?.length ?? 0
  );
}
function slideCount(file) {
  return new Set(
    readFileSync(file)
      .toString('latin1')
      .match(/ppt\/slides\/slide\d+\.xml/g) ?? [],
  ).size;
}

/** One briefing report of a CLI --json run. */
function briefingOf(result, what) {
  const json = parseJsonOutput(result.stdout);
  const b = json.briefings?.[0];
  if (!json.ok || !b || b.status !== 'built')
    throw new Error(`${what}: not built: ${result.stdout.slice(0, 2000)}`);
  return b;
}

/** Per-stage statistics; `other` is, per run, the total minus its stages (time in no stage). */
function stageStats(timingsList) {
  const out = {};
  const withOther = timingsList.map((t) =>
    t.total === undefined ? t : { ...t, other: t.total - STAGES.reduce((n, k) => n + (t[k] ?? 0), 0) },
  );
  for (const stage of [...STAGES, 'other', 'total']) {
    const values = withOther.map((t) => t[stage]).filter((v) => v !== undefined);
    if (values.length) out[stage] = stats(values);
  }
  return out;
}

// --------------------------------------------------------------------- measurements

const results = {
  about:
    'briefkit benchmark (bench/run.mjs). Times in ms, memory in KB (1024 bytes, as the OS reports maxRSS), sizes in bytes; each figure is { median, min, max, n }.',
  date: new Date().toISOString(),
  quick: QUICK,
  machine: machine(),
  rssMethod,
  config: CONFIG,
  dataLimits: limits,
};

/** Runs process scenarios round-robin (one warm-up each, discarded) so load changes hit all alike. */
async function processScenarios(scenarios) {
  for (const s of scenarios)
    check(s.command ? await runPeer(s.command, s.args(0)) : await run(s.args(0)), s.id);
  const rounds = Math.max(...scenarios.map((s) => s.reps));
  const samples = Object.fromEntries(scenarios.map((s) => [s.id, []]));
  for (let r = 0; r < rounds; r++) {
    for (const s of scenarios) {
      if (r >= s.reps) continue;
      const result = check(
        s.command ? await runPeer(s.command, s.args(r + 1)) : await run(s.args(r + 1)),
        s.id,
      );
      samples[s.id].push({ ...result, parsed: s.parse?.(result) });
    }
    process.stderr.write(`  round ${r + 1}/${rounds}\r`);
  }
  process.stderr.write('\n');
  return samples;
}

function processSummary(list) {
  return {
    wallMs: stats(list.map((x) => x.wallMs)),
    cpuMs: stats(list.map((x) => x.cpuMs)),
    maxRssKb: stats(list.map((x) => x.maxRssKb)),
    othersPct: stats(list.map((x) => x.othersPct)),
  };
}

async function measureProcesses() {
  const scenarios = [];
  const out = (id, r) => path.join(work, 'out', `${id}-${r}`);
  if (PARTS.has('floor')) {
    scenarios.push(
      { id: 'nodeE0', reps: CONFIG.nodeReps, args: () => ['-e', '0'] },
      {
        id: 'floorBoth',
        reps: CONFIG.floorReps,
        args: (r) => [FLOOR, '--out', out('floor', r)],
        parse: (x) => parseJsonOutput(x.stdout),
      },
      {
        id: 'floorStandardBoth',
        reps: CONFIG.floorReps,
        args: () => [FLOOR, '--fonts', 'standard'],
        parse: (x) => parseJsonOutput(x.stdout),
      },
      {
        id: 'floorPdf',
        reps: CONFIG.floorReps,
        args: () => [FLOOR, '--format', 'pdf'],
        parse: (x) => parseJsonOutput(x.stdout),
      },
      {
        id: 'floorPptx',
        reps: CONFIG.floorReps,
        args: () => [FLOOR, '--format', 'pptx'],
        parse: (x) => parseJsonOutput(x.stdout),
      },
    );
  }
  if (PARTS.has('cold')) {
    const parse = (x) => briefingOf(x, 'cold build');
    scenarios.push(
      { id: 'coldBoth', reps: CONFIG.coldReps, args: (r) => cli(GENEVA, out('both', r)), parse },
      {
        id: 'coldPdf',
        reps: CONFIG.formatReps,
        args: (r) => cli(GENEVA, out('pdf', r), ['--format', 'pdf']),
        parse,
      },
      {
        id: 'coldPptx',
        reps: CONFIG.formatReps,
        args: (r) => cli(GENEVA, out('pptx', r), ['--format', 'pptx']),
        parse,
      },
    );
  }
  if (PEERS) scenarios.push(...(await peerScenarios()));
  if (scenarios.length === 0) return;
  log(`whole processes: ${scenarios.map((s) => `${s.id} x${s.reps}`).join(', ')} (+1 warm-up each)`);
  const samples = await processScenarios(scenarios);
  results.processes = {};
  for (const [id, list] of Object.entries(samples)) {
    const entry = processSummary(list);
    if (id.startsWith('cold')) {
      entry.stages = stageStats(list.map((x) => x.parsed.timings));
      // Before and after the build itself: Node's start-up, importing the CLI, exiting.
      entry.stages.startup = stats(list.map((x) => x.wallMs - x.parsed.timings.total));
      const outputs = list[0].parsed.outputs;
      entry.bytes = Object.fromEntries(outputs.map((o) => [o.format, o.bytes]));
      if (id === 'coldBoth') {
        entry.pages = pageCount(outputs.find((o) => o.format === 'pdf').file);
        entry.slides = slideCount(outputs.find((o) => o.format === 'pptx').file);
        entry.textChars = textChars(geneva);
        entry.samples = list.map((x) => ({
          wallMs: x.wallMs,
          cpuMs: x.cpuMs,
          maxRssKb: x.maxRssKb,
          othersPct: x.othersPct,
          timings: x.parsed.timings,
        }));
      }
    } else if (id.startsWith('floor')) {
      entry.bytes = list[0].parsed.bytes;
      if (id === 'floorBoth') {
        entry.pages = pageCount(path.join(out('floor', 1), 'floor.pdf'));
        entry.slides = slideCount(path.join(out('floor', 1), 'floor.pptx'));
      }
    }
    results.processes[id] = entry;
  }
}

/** The first of `names` found on PATH, or undefined. */
function which(names) {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return undefined;
}

const runPeer = (command, argv) => runCommand(command, argv, { cwd: work, method: rssMethod, tmpDir: work });

/**
 * The peers, on the same content: headless Chromium printing an HTML report of the Geneva
 * briefing (bench/lib/peer-report.mjs) to PDF, each run with a fresh profile as a CI job
 * would; LibreOffice converting briefkit's own deck of it to PDF, with one profile for the
 * run (made by the discarded warm-up: a first start of LibreOffice builds its profile).
 */
async function peerScenarios() {
  const scenarios = [];
  results.peers = { notes: [] };
  const chromium = which(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']);
  if (chromium) {
    const html = writeHtmlReport(path.join(work, 'geneva.html'), geneva);
    const version = execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim();
    results.peers.chromium = { version, input: 'HTML report of the Geneva briefing, Noto Sans, SVG charts' };
    scenarios.push({
      id: 'peerChromium',
      reps: CONFIG.formatReps,
      command: chromium,
      args: (r) => [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${path.join(work, 'chromium', `profile-${r}`)}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${path.join(work, 'out', `chromium-${r}.pdf`)}`,
        pathToFileURL(html).href,
      ],
    });
  } else {
    results.peers.notes.push('Chromium: not installed (apt-get install chromium), skipped');
  }
  const soffice = which(['soffice', 'libreoffice']);
  if (soffice) {
    const deckDir = path.join(work, 'out', 'peer-deck');
    const built = briefingOf(
      check(await run(cli(GENEVA, deckDir, ['--format', 'pptx'])), 'peer deck'),
      'peer deck',
    );
    const deck = built.outputs.find((o) => o.format === 'pptx').file;
    const version = execFileSync(soffice, ['--version'], { encoding: 'utf8' }).trim();
    results.peers.libreoffice = { version, input: "briefkit's deck of the Geneva briefing" };
    const profile = pathToFileURL(path.join(work, 'libreoffice-profile')).href;
    scenarios.push({
      id: 'peerLibreOffice',
      reps: CONFIG.formatReps,
      command: soffice,
      args: (r) => [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        path.join(work, 'out', `libreoffice-${r}`),
        path.resolve(PKG, deck),
      ],
    });
  } else {
    results.peers.notes.push('LibreOffice: not installed (apt-get install libreoffice-impress), skipped');
  }
  return scenarios;
}

async function measureWarm() {
  const runs = CONFIG.warmRuns;
  log(
    `warm rebuild: 1 process, 1 warm-up + 1 + ${runs} rebuilds of the Geneva example; floor: the same in one process`,
  );
  const outDir = path.join(work, 'out', 'warm');
  mkdirSync(outDir, { recursive: true });
  const child = check(
    await run([
      '--expose-gc',
      path.join(ROOT, 'bench/lib/warm-child.mjs'),
      path.join(PKG, 'dist/index.js'),
      GENEVA,
      outDir,
      String(runs),
    ]),
    'warm rebuild',
  );
  const data = parseJsonOutput(child.stdout);
  const warm = data.iterations.filter((i) => i.kind === 'timed');
  // The rebuilds of the leak check, after 10 more: V8 has compiled the hot code by then.
  // The first follows a forced collection and is slower, so it is left out.
  const settled = data.iterations.filter((i) => i.kind === 'leak-check').slice(1);
  const first = data.iterations[0];
  const floor = parseJsonOutput(check(await run([FLOOR, '--repeat', String(runs + 1)]), 'floor warm').stdout);
  results.warm = {
    totalMs: stats(warm.map((i) => i.totalMs)),
    buildMs: stats(warm.map((i) => i.buildMs)),
    settledMs: settled.length > 0 ? stats(settled.map((i) => i.totalMs)) : undefined,
    settledAfter: warm.length + 2 + 10,
    writeMs: stats(warm.map((i) => i.writeMs)),
    firstBuildMs: first.totalMs,
    importMs: data.importMs,
    stages: stageStats(warm.map((i) => ({ ...i.timings, total: i.totalMs }))),
    firstStages: first.timings,
    maxRssKb: data.maxRssKb,
    processMaxRssKb: child.maxRssKb,
    othersPct: child.othersPct,
    rssKbByRebuild: data.iterations.map((i) => Math.round(i.rssKb)),
    heapAfterGcKb: { afterWarmUp: Math.round(data.heapStartKb), afterLast: Math.round(data.heapEndKb) },
    heapAfterLeakRunsKb: Math.round(data.heapAfterLeakRunsKb),
    // Growth while the caches fill (warm-up to last timed rebuild) is not a leak; growth
    // over the untimed rebuilds after that is what a long watch session would accumulate.
    heapFillKbPerRebuild: (data.heapEndKb - data.heapStartKb) / data.rebuildsBetween,
    heapSettledKb: Math.round(data.heapSettledKb),
    heapKeptKbPerRebuild: (data.heapAfterLeakRunsKb - data.heapSettledKb) / data.leakRuns,
    rebuildsBetweenHeapReadings: data.rebuildsBetween,
    leakRuns: data.leakRuns,
    floorMs: stats(floor.ms.slice(1)),
    floorFirstMs: floor.ms[0],
    floorMaxRssKb: floor.maxRssKb,
  };
}

async function measureBatch() {
  const n = CONFIG.batchSize;
  const dir = path.join(work, 'batch', String(n));
  writeBatch(geneva, dir, n);
  const jobsList = [...new Set([1, ...(CORES > 2 ? [2] : []), CORES])];
  results.batch = { briefings: n, runs: {} };
  for (const jobs of jobsList) {
    log(`batch: ${n} generated briefings, --jobs ${jobs}`);
    const result = check(
      await run(cli(dir, path.join(work, 'out', `batch-${jobs}`), ['--jobs', String(jobs)])),
      `batch --jobs ${jobs}`,
    );
    const json = parseJsonOutput(result.stdout);
    if (!json.ok || json.totals.built !== n)
      throw new Error(`batch --jobs ${jobs}: ${json.totals.built} of ${n} built`);
    results.batch.runs[jobs] = {
      jobs,
      wallMs: result.wallMs,
      cpuMs: result.cpuMs,
      maxRssKb: result.maxRssKb,
      othersPct: result.othersPct,
      cliMs: json.totals.ms,
      perBriefingMs: result.wallMs / n,
      throughputPerS: n / (result.wallMs / 1000),
      stages: stageStats(json.briefings.map((b) => b.timings)),
    };
  }
  const one = results.batch.runs[1];
  for (const r of Object.values(results.batch.runs)) r.speedup = one.wallMs / r.wallMs;
  results.batch.speedup2 = results.batch.runs[2]?.speedup ?? null;
  results.batch.speedupAll = results.batch.runs[CORES]?.speedup ?? null;
}

async function measureGrowth() {
  results.growth = { size: [], count: [] };
  // Size: 1x is the cold CLI build of the example itself (measured above, or here).
  for (const factor of CONFIG.growth) {
    const scaled = scaledBriefing(geneva, factor, limits);
    const file =
      factor === 1 ? GENEVA : writeBriefing(path.join(PKG, 'data', `scale-${factor}x.yaml`), scaled.briefing);
    const rel = path.relative(PKG, file);
    let list;
    const reused = factor === 1 && results.processes?.coldBoth;
    if (reused) {
      list = results.processes.coldBoth.samples.map((s) => ({ ...s, total: s.timings.total }));
    } else {
      log(
        `growth: ${factor}x briefing (${scaled.briefing.sections.length} sections, ${scaled.briefing.people.length} table rows), ${CONFIG.growthReps} run(s)`,
      );
      list = [];
      for (let r = 0; r < CONFIG.growthReps; r++) {
        const res = check(await run(cli(rel, path.join(work, 'out', `scale-${factor}`))), `${factor}x build`);
        const b = briefingOf(res, `${factor}x build`);
        list.push({
          wallMs: res.wallMs,
          cpuMs: res.cpuMs,
          maxRssKb: res.maxRssKb,
          othersPct: res.othersPct,
          total: b.timings.total,
          timings: b.timings,
        });
      }
    }
    const outDir = path.join(work, 'out', reused ? 'both-1' : `scale-${factor}`);
    const name = path.basename(rel, '.yaml');
    results.growth.size.push({
      factor,
      sections: scaled.briefing.sections.length,
      points: scaled.briefing.sections.reduce((n, s) => n + (s.points?.length ?? 0), 0),
      tableRows: scaled.briefing.people.length,
      charts: scaled.charts,
      textChars: textChars(scaled.briefing),
      inputBytes: readFileSync(file).length,
      pages: existsSync(path.join(outDir, `${name}.pdf`))
        ? pageCount(path.join(outDir, `${name}.pdf`))
        : undefined,
      slides: existsSync(path.join(outDir, `${name}.pptx`))
        ? slideCount(path.join(outDir, `${name}.pptx`))
        : undefined,
      wallMs: stats(list.map((x) => x.wallMs)),
      buildMs: stats(list.map((x) => x.total)),
      maxRssKb: stats(list.map((x) => x.maxRssKb)),
      othersPct: stats(list.map((x) => x.othersPct)),
      stages: stageStats(list.map((x) => x.timings)),
    });
  }
  // Count: batches of 10, 50, 100 on all cores (the largest is the batch measured above).
  for (const count of CONFIG.batchCounts) {
    const reuse = count === results.batch?.briefings ? results.batch.runs[CORES] : undefined;
    let r = reuse;
    if (!r) {
      const dir = path.join(work, 'batch', String(count));
      writeBatch(geneva, dir, count);
      log(`growth: batch of ${count}, --jobs ${CORES}`);
      const res = check(
        await run(cli(dir, path.join(work, 'out', `count-${count}`), ['--jobs', String(CORES)])),
        `batch of ${count}`,
      );
      r = { wallMs: res.wallMs, maxRssKb: res.maxRssKb, othersPct: res.othersPct };
    }
    results.growth.count.push({
      briefings: count,
      jobs: CORES,
      wallMs: r.wallMs,
      perBriefingMs: r.wallMs / count,
      maxRssKb: r.maxRssKb,
      othersPct: r.othersPct,
    });
  }
  results.growth.sizeVerdict = linearity(
    results.growth.size.map((s) => [s.textChars, s.buildMs.median, s.maxRssKb.median]),
  );
  results.growth.countVerdict = linearity(
    results.growth.count.map((c) => [c.briefings, c.wallMs, c.maxRssKb]),
  );
  // Peak memory should not depend on how many briefings a batch has: the pool holds a
  // fixed number of builds at a time. Growth per briefing means something is kept.
  const [first, last] = [results.growth.count[0], results.growth.count.at(-1)];
  if (first && last && last !== first) {
    const mbPerBriefing =
      ((last.maxRssKb - first.maxRssKb) * 1024) / 1e6 / (last.briefings - first.briefings);
    results.growth.countVerdict.memoryMbPerBriefing = mbPerBriefing;
    results.growth.countVerdict.memoryBounded = mbPerBriefing < 0.5;
  }
}

/**
 * Whether cost grows linearly with size: the marginal cost per unit from the middle
 * point to the largest, against the marginal cost from the smallest to the middle.
 * A fixed start-up cost makes totals grow slower than size, which is fine; a marginal
 * cost that rises means worse than linear. Also the log-log slope of the totals.
 */
function linearity(points) {
  if (points.length < 2) return undefined;
  const [a, b, c] = points;
  const marginal = (p, q, i) => (q[i] - p[i]) / (q[0] - p[0]);
  const out = {
    slopeTime: Math.log(points.at(-1)[1] / points[0][1]) / Math.log(points.at(-1)[0] / points[0][0]),
    slopeMemory: Math.log(points.at(-1)[2] / points[0][2]) / Math.log(points.at(-1)[0] / points[0][0]),
  };
  if (c) {
    out.marginalTimeRatio = marginal(b, c, 1) / marginal(a, b, 1);
    out.marginalMemoryRatio = marginal(b, c, 2) / marginal(a, b, 2);
    // 1.5: repeated runs on a shared machine vary by a fourth; worse than linear would show as 10x here.
    out.timeLinear = out.slopeTime <= 1.1 && out.marginalTimeRatio <= 1.5;
    out.memoryLinear = out.slopeMemory <= 1.1 && out.marginalMemoryRatio <= 1.5;
  }
  // With two points (a quick run) there is no marginal cost to compare: no verdict.
  return out;
}

/** Heavy dependencies, and briefkit's API bundle: what importing each costs in a fresh process. */
const IMPORTS = [
  'pdfkit',
  'fontkit',
  'svg-to-pdfkit',
  'pptxgenjs',
  'jszip',
  'chart.js',
  'chartjs-node-canvas',
  'canvas',
  'yaml',
  'zod',
  'handlebars',
  'marked',
  'piscina',
  './dist/index.js',
];

async function measureImports() {
  const reps = QUICK ? 1 : 3;
  log(`imports: ${IMPORTS.length} modules, each in a fresh process, x${reps}`);
  const samples = Object.fromEntries(IMPORTS.map((m) => [m, []]));
  for (let r = 0; r < reps; r++) {
    for (const m of IMPORTS) {
      const code = `const t = performance.now(); await import(${JSON.stringify(m)}); process.stdout.write(String(performance.now() - t));`;
      const res = check(await run(['--input-type=module', '-e', code]), `import ${m}`);
      samples[m].push({ ms: Number(res.stdout), rssKb: res.maxRssKb });
    }
  }
  results.imports = Object.fromEntries(
    Object.entries(samples).map(([m, list]) => [
      m,
      { ms: stats(list.map((x) => x.ms)), maxRssKb: stats(list.map((x) => x.rssKb)) },
    ]),
  );
}

function printImports() {
  if (!results.imports) return;
  const node0 = results.processes?.nodeE0?.maxRssKb.median;
  console.log(
    '\nImport cost of each module alone, in a fresh process (median; shared dependencies count in each)',
  );
  console.log(
    table(
      ['module', 'import', 'min–max', 'peak RSS', node0 ? 'RSS over node -e 0' : ''],
      Object.entries(results.imports)
        .sort((a, b) => b[1].ms.median - a[1].ms.median)
        .map(([m, x]) => [
          m,
          fmtMs(x.ms.median),
          `${fmtMs(x.ms.min)}–${fmtMs(x.ms.max)}`,
          fmtMb(x.maxRssKb.median),
          node0 ? fmtMb(x.maxRssKb.median - node0) : '',
        ]),
    ),
  );
}

async function measureProfile() {
  log('profile: one cold CLI build under --cpu-prof');
  const { profile, file } = profileColdBuild({ root: PKG, keepDir: path.join(ROOT, 'bench') });
  results.profile = { file: file && path.relative(ROOT, file), ...summariseProfile(profile, { top: 30 }) };
}

// -------------------------------------------------------------------------- report

const fmtMs = (ms) =>
  !Number.isFinite(ms)
    ? '—'
    : ms >= 10_000
      ? `${(ms / 1000).toFixed(1)} s`
      : ms >= 1000
        ? `${(ms / 1000).toFixed(2)} s`
        : `${Math.round(ms)} ms`;
const fmtMb = (kb) => (!Number.isFinite(kb) ? '—' : `${Math.round((kb * 1024) / 1e6)} MB`);
const fmtKb = (bytes) =>
  !Number.isFinite(bytes)
    ? '—'
    : bytes >= 1e6
      ? `${(bytes / 1e6).toFixed(2)} MB`
      : `${Math.round(bytes / 1000)} KB`;
const fmtX = (x) => (!Number.isFinite(x) ? '' : `${x >= 10 ? Math.round(x) : x.toFixed(x >= 2 ? 1 : 2)}×`);
/** The verdict on growth, or why there is none. */
const verdict = (linear) =>
  linear === undefined
    ? 'no verdict from two points (full run)'
    : linear
      ? 'linear or better'
      : 'WORSE than linear';
const fmtPct = (x) => (!Number.isFinite(x) ? '' : `${Math.round(x)}%`);
const ok = (pass) => (pass === undefined ? '' : pass ? 'pass' : 'FAIL');

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) =>
    cells
      .map((c, i) =>
        (align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l'
          ? String(c ?? '').padEnd(widths[i])
          : String(c ?? '').padStart(widths[i]),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The headline rows: one per figure, with ratios to the floor and the target. */
function headlineRows() {
  const p = results.processes ?? {};
  const w = results.warm;
  const node0 = p.nodeE0?.wallMs.median;
  const rows = [];
  const timeRow = (label, s, floor, target, extra = {}) => {
    if (!s) return;
    rows.push({
      label,
      median: fmtMs(s.median),
      min: fmtMs(s.min),
      max: fmtMs(s.max),
      n: s.n,
      cpu: extra.cpu ? fmtMs(extra.cpu.median) : '',
      others: extra.others ? fmtPct(extra.others.median ?? extra.others) : '',
      xNode: extra.noNode ? '' : fmtX(s.median / node0),
      xFloor: floor ? fmtX(s.median / floor) : '',
      target: target && Number.isFinite(target) ? (extra.targetLabel ?? `≤ ${fmtMs(target)}`) : '',
      ok: target && Number.isFinite(target) ? ok(s.median <= target) : '',
      value: s.median,
    });
  };
  rows.push({ section: 'Time, whole process (wall)' });
  timeRow('node -e 0', p.nodeE0?.wallMs, undefined, undefined, {
    cpu: p.nodeE0?.cpuMs,
    others: p.nodeE0?.othersPct,
  });
  timeRow('floor: bare pdfkit + pptxgenjs, both', p.floorBoth?.wallMs, undefined, undefined, {
    cpu: p.floorBoth?.cpuMs,
    others: p.floorBoth?.othersPct,
  });
  timeRow('floor, standard PDF fonts (no Noto), both', p.floorStandardBoth?.wallMs, undefined, undefined, {
    cpu: p.floorStandardBoth?.cpuMs,
    others: p.floorStandardBoth?.othersPct,
  });
  timeRow('floor: bare pdfkit, PDF only', p.floorPdf?.wallMs, undefined, undefined, {
    cpu: p.floorPdf?.cpuMs,
    others: p.floorPdf?.othersPct,
  });
  timeRow('floor: bare pptxgenjs, PPTX only', p.floorPptx?.wallMs, undefined, undefined, {
    cpu: p.floorPptx?.cpuMs,
    others: p.floorPptx?.othersPct,
  });
  // Issue 20: ≤ 1.5× the naive script in standard fonts, and no slower than the Noto floor.
  const standard = p.floorStandardBoth?.wallMs.median;
  const bothLimit = Math.min(
    standard ? standard * TARGETS.coldBothXStandardFloor : Infinity,
    p.floorBoth ? p.floorBoth.wallMs.median * TARGETS.coldBothXFloor : Infinity,
  );
  timeRow('cold CLI build, both outputs', p.coldBoth?.wallMs, p.floorBoth?.wallMs.median, bothLimit, {
    cpu: p.coldBoth?.cpuMs,
    others: p.coldBoth?.othersPct,
    targetLabel: standard
      ? `≤ ${TARGETS.coldBothXStandardFloor}× std (${fmtMs(standard * TARGETS.coldBothXStandardFloor)})`
      : undefined,
  });
  const chromium = p.peerChromium?.wallMs.median;
  timeRow(
    'cold CLI build, PDF only',
    p.coldPdf?.wallMs,
    p.floorPdf?.wallMs.median,
    chromium ? chromium * TARGETS.coldPdfXChromium : undefined,
    {
      cpu: p.coldPdf?.cpuMs,
      others: p.coldPdf?.othersPct,
      targetLabel: chromium
        ? `≤ ${TARGETS.coldPdfXChromium}× Chromium (${fmtMs(chromium * TARGETS.coldPdfXChromium)})`
        : undefined,
    },
  );
  timeRow('cold CLI build, PPTX only', p.coldPptx?.wallMs, p.floorPptx?.wallMs.median, TARGETS.coldPptxMs, {
    cpu: p.coldPptx?.cpuMs,
    others: p.coldPptx?.othersPct,
  });
  if (p.peerChromium || p.peerLibreOffice) {
    rows.push({ section: 'Peers, same content, interleaved with the builds above (wall)' });
    timeRow('headless Chromium: HTML report → PDF', p.peerChromium?.wallMs, undefined, undefined, {
      others: p.peerChromium?.othersPct,
    });
    timeRow("LibreOffice: briefkit's deck → PDF", p.peerLibreOffice?.wallMs, undefined, undefined, {
      others: p.peerLibreOffice?.othersPct,
    });
  }
  if (w) {
    rows.push({ section: 'Time, in one process (watch, API)' });
    timeRow('warm rebuild, both (build + write)', w.totalMs, w.floorMs.median, TARGETS.warmBothMs, {
      noNode: true,
      others: w.othersPct,
    });
    timeRow('  of which build() in memory', w.buildMs, w.floorMs.median, undefined, { noNode: true });
    if (w.settledMs) {
      timeRow(`  settled (after ${w.settledAfter} rebuilds)`, w.settledMs, w.floorMs.median, undefined, {
        noNode: true,
      });
    }
    timeRow(
      'first build in a fresh process',
      { median: w.firstBuildMs, min: w.firstBuildMs, max: w.firstBuildMs, n: 1 },
      w.floorFirstMs,
      undefined,
      { noNode: true },
    );
    timeRow('floor: bare libraries, warm', w.floorMs, undefined, undefined, { noNode: true });
  }
  const b = results.batch;
  if (b) {
    rows.push({ section: `Batch of ${b.briefings} generated briefings (wall, one run each)` });
    for (const r of Object.values(b.runs)) {
      const s = { median: r.wallMs, min: r.wallMs, max: r.wallMs, n: 1 };
      rows.push({
        label: `--jobs ${r.jobs}: ${r.throughputPerS.toFixed(2)} briefings/s, ${fmtMs(r.perBriefingMs)} each`,
        median: fmtMs(s.median),
        min: '',
        max: '',
        n: 1,
        cpu: fmtMs(r.cpuMs),
        others: fmtPct(r.othersPct),
        xNode: '',
        xFloor: w ? fmtX(r.perBriefingMs / w.floorMs.median) : '',
        target: r.jobs === CORES ? `≥ ${TARGETS.batchPerS}/s` : '',
        ok: r.jobs === CORES ? ok(r.throughputPerS >= TARGETS.batchPerS) : '',
      });
    }
    const sp = b.speedup2;
    rows.push({
      label: CORES >= 2 ? 'speed-up, 1 → 2 workers' : 'speed-up, 1 → 2 workers (1 core: not measurable)',
      median: Number.isFinite(sp) ? `${sp.toFixed(2)}×` : '—',
      min: '',
      max: '',
      n: '',
      cpu: '',
      xNode: '',
      xFloor: '',
      target: '',
      ok: '',
    });
    if (CORES > 2) {
      rows.push({
        label: `speed-up, 1 → ${CORES} workers`,
        median: `${b.speedupAll.toFixed(2)}×`,
        min: '',
        max: '',
        n: '',
        cpu: '',
        xNode: '',
        xFloor: '',
        target: '',
        ok: '',
      });
    }
  }
  rows.push({ section: 'Peak memory (max RSS of the process)' });
  const rssRow = (label, s, floorKb, target = true) => {
    if (!s) return;
    rows.push({
      label,
      median: fmtMb(s.median),
      min: fmtMb(s.min),
      max: fmtMb(s.max),
      n: s.n,
      cpu: '',
      xNode: p.nodeE0 ? fmtX(s.median / p.nodeE0.maxRssKb.median) : '',
      xFloor: floorKb ? fmtX(s.median / floorKb) : '',
      target: target ? `≤ ${Math.round(TARGETS.peakRssBytes / 1e6)} MB` : '',
      ok: target ? ok(s.median * 1024 <= TARGETS.peakRssBytes) : '',
    });
  };
  rssRow('node -e 0', p.nodeE0?.maxRssKb, undefined, false);
  rssRow('floor: bare pdfkit + pptxgenjs, both', p.floorBoth?.maxRssKb, undefined, false);
  rssRow('cold CLI build, both outputs', p.coldBoth?.maxRssKb, p.floorBoth?.maxRssKb.median);
  rssRow('cold CLI build, PDF only', p.coldPdf?.maxRssKb, p.floorPdf?.maxRssKb.median);
  rssRow('cold CLI build, PPTX only', p.coldPptx?.maxRssKb, p.floorPptx?.maxRssKb.median);
  if (w) {
    const one = (v) => ({ median: v, min: v, max: v, n: 1 });
    rssRow(
      `warm rebuild process (${CONFIG.warmRuns + 2 + (w.leakRuns ?? 0) + 10} builds)`,
      one(w.processMaxRssKb),
      w.floorMaxRssKb,
      false,
    );
  }
  if (b)
    for (const r of Object.values(b.runs))
      rssRow(
        `batch of ${b.briefings}, --jobs ${r.jobs}`,
        { median: r.maxRssKb, min: r.maxRssKb, max: r.maxRssKb, n: 1 },
        undefined,
        false,
      );
  if (p.coldBoth) {
    rows.push({ section: 'Output size (Geneva example)' });
    const f = p.floorBoth?.bytes ?? {};
    rows.push({
      label: `PDF (${p.coldBoth.pages} pages; floor ${p.floorBoth?.pages ?? '?'})`,
      median: fmtKb(p.coldBoth.bytes.pdf),
      min: '',
      max: '',
      n: '',
      cpu: '',
      xNode: '',
      xFloor: f.pdf ? fmtX(p.coldBoth.bytes.pdf / f.pdf) : '',
      target: `≤ ${TARGETS.pdfBytes / 1000} KB`,
      ok: ok(p.coldBoth.bytes.pdf <= TARGETS.pdfBytes),
    });
    rows.push({
      label: `PPTX (${p.coldBoth.slides} slides; floor ${p.floorBoth?.slides ?? '?'})`,
      median: fmtKb(p.coldBoth.bytes.pptx),
      min: '',
      max: '',
      n: '',
      cpu: '',
      xNode: '',
      xFloor: f.pptx ? fmtX(p.coldBoth.bytes.pptx / f.pptx) : '',
      target: `≤ ${TARGETS.pptxBytes / 1000} KB`,
      ok: ok(p.coldBoth.bytes.pptx <= TARGETS.pptxBytes),
    });
  }
  return rows;
}

function printHeadline() {
  const rows = headlineRows();
  const headers = [
    'figure',
    'median',
    'min',
    'max',
    'n',
    'CPU',
    'others',
    '× node -e 0',
    '× floor',
    'target',
    '',
  ];
  const cells = [];
  for (const r of rows) {
    if (r.section) cells.push([`— ${r.section}`, '', '', '', '', '', '', '', '', '', '']);
    else
      cells.push([
        r.label,
        r.median,
        r.min,
        r.max,
        r.n,
        r.cpu,
        r.others ?? '',
        r.xNode,
        r.xFloor,
        r.target,
        r.ok,
      ]);
  }
  console.log(table(headers, cells));
  results.table = rows.filter((r) => !r.section).map(({ value: _value, ...r }) => r);
}

/** briefkit against the peers, as ratios of medians measured in the same run. */
function printPeers() {
  const peers = results.peers;
  if (!peers) return;
  const p = results.processes ?? {};
  const lines = [];
  const ratio = (mine, theirs) => (mine && theirs ? mine.wallMs.median / theirs.wallMs.median : undefined);
  peers.ratios = {
    pdfOnlyToChromium: ratio(p.coldPdf, p.peerChromium),
    bothToChromium: ratio(p.coldBoth, p.peerChromium),
    bothToLibreOffice: ratio(p.coldBoth, p.peerLibreOffice),
    pptxOnlyToLibreOffice: ratio(p.coldPptx, p.peerLibreOffice),
  };
  const r = peers.ratios;
  if (p.peerChromium) {
    lines.push(
      `  ${peers.chromium.version}: ${fmtMs(p.peerChromium.wallMs.median)}; briefkit's cold PDF is ` +
        `${fmtX(r.pdfOnlyToChromium)} of it (target ≤ ${TARGETS.coldPdfXChromium}×: ${ok(r.pdfOnlyToChromium <= TARGETS.coldPdfXChromium)}), ` +
        `both outputs ${fmtX(r.bothToChromium)}`,
    );
  }
  if (p.peerLibreOffice) {
    lines.push(
      `  ${peers.libreoffice.version.split(' ').slice(0, 2).join(' ')}: ${fmtMs(p.peerLibreOffice.wallMs.median)} for the deck alone; ` +
        `briefkit's cold build of both outputs is ${fmtX(r.bothToLibreOffice)} of it, the deck alone ${fmtX(r.pptxOnlyToLibreOffice)}`,
    );
  }
  for (const note of peers.notes) lines.push(`  ${note}`);
  console.log(`\nPeers (ratios of medians, briefkit ÷ peer; below 1 is faster)\n${lines.join('\n')}`);
}

function printStages() {
  const cold = results.processes?.coldBoth?.stages;
  const warm = results.warm?.stages;
  const batch = results.batch?.runs[1]?.stages;
  if (!cold && !warm && !batch) return;
  const coldTotal = cold?.total?.median;
  const rows = [];
  for (const stage of STAGES) {
    rows.push([
      stage,
      cold?.[stage] ? fmtMs(cold[stage].median) : '',
      cold?.[stage] ? `${fmtMs(cold[stage].min)}–${fmtMs(cold[stage].max)}` : '',
      cold?.[stage] && coldTotal ? `${Math.round((100 * cold[stage].median) / coldTotal)}%` : '',
      warm?.[stage] ? fmtMs(warm[stage].median) : '',
      batch?.[stage] ? fmtMs(batch[stage].median) : '',
    ]);
  }
  const startup = results.processes?.coldBoth?.stages.startup;
  if (startup) {
    rows.push([
      'process start, CLI import, exit',
      fmtMs(startup.median),
      `${fmtMs(startup.min)}–${fmtMs(startup.max)}`,
      `${Math.round((100 * startup.median) / results.processes.coldBoth.wallMs.median)}% of wall`,
      '',
      '',
    ]);
  }
  for (const [label, key] of [
    ['not in a stage', 'other'],
    ['total', 'total'],
  ]) {
    rows.push([
      label,
      cold?.[key] ? fmtMs(cold[key].median) : '',
      cold?.[key] ? `${fmtMs(cold[key].min)}–${fmtMs(cold[key].max)}` : '',
      cold?.[key] && key === 'other' ? `${Math.round((100 * cold[key].median) / coldTotal)}%` : '',
      warm?.[key] ? fmtMs(warm[key].median) : '',
      batch?.[key] ? fmtMs(batch[key].median) : '',
    ]);
  }
  console.log(
    `\nTime per stage (medians). Cold: the CLI's --json timings inside the process, whose wall time is ${fmtMs(results.processes?.coldBoth?.wallMs.median)}; ` +
      `warm: build() + writeOutputs() after a warm-up; batch: per briefing with 1 worker.`,
  );
  console.log(table(['stage', 'cold CLI', 'cold min–max', 'share', 'warm', 'batch, 1 worker'], rows));
  if (results.warm) {
    const w = results.warm;
    const kept = (w.heapKeptKbPerRebuild * 1024) / 1e6;
    console.log(
      `Warm process: importing dist/index.js took ${fmtMs(w.importMs)}; heap after a full GC ${fmtMb(w.heapAfterGcKb.afterWarmUp)} after the warm-up, ` +
        `${fmtMb(w.heapAfterGcKb.afterLast)} after ${w.rebuildsBetweenHeapReadings} more (caches filling), ` +
        `${fmtMb(w.heapSettledKb)} after 10 more, ${fmtMb(w.heapAfterLeakRunsKb)} after ${w.leakRuns} more: ` +
        (kept > 0.05
          ? `${kept.toFixed(2)} MB kept per rebuild, a leak that a long watch session accumulates.`
          : 'nothing kept from one rebuild to the next once the caches hold this briefing.'),
    );
  }
}

function printGrowth() {
  const g = results.growth;
  if (!g) return;
  console.log('\nGrowth with the size of a briefing (cold CLI build, both outputs; medians)');
  console.log(
    table(
      [
        'size',
        'sections',
        'points',
        'table rows',
        'charts',
        'text chars',
        'pages',
        'slides',
        'wall',
        'in process',
        'ms / 1k chars',
        'peak RSS',
        'n',
      ],
      g.size.map((s) => [
        `${s.factor}x`,
        s.sections,
        s.points,
        s.tableRows,
        s.charts,
        s.textChars.toLocaleString('en'),
        s.pages ?? '',
        s.slides ?? '',
        fmtMs(s.wallMs.median),
        fmtMs(s.buildMs.median),
        (s.buildMs.median / (s.textChars / 1000)).toFixed(1),
        fmtMb(s.maxRssKb.median),
        s.wallMs.n,
      ]),
    ),
  );
  const v = g.sizeVerdict;
  if (v) {
    console.log(
      `  time: log-log slope ${v.slopeTime.toFixed(2)}${v.marginalTimeRatio !== undefined ? `, marginal cost per char ${v.marginalTimeRatio.toFixed(2)}× from the middle to the largest` : ''} → ${verdict(v.timeLinear)}`,
    );
    console.log(
      `  memory: log-log slope ${v.slopeMemory.toFixed(2)}${v.marginalMemoryRatio !== undefined ? `, marginal ${v.marginalMemoryRatio.toFixed(2)}×` : ''} → ${verdict(v.memoryLinear)}`,
    );
    const big = g.size.at(-1);
    if (big.factor >= 100) {
      console.log(
        `  ${big.factor}x stays within the data limits (src/briefing/limits.ts): at most ${limits.sections} sections and ${limits.charts} charts, ` +
          `so it has ${big.sections} sections with ${Math.round(big.points / big.sections)} points each and ${big.charts} charts; a bigger briefing is refused by design.`,
      );
    }
  }
  console.log(`\nGrowth with the number of briefings (--jobs ${CORES}, one run each)`);
  console.log(
    table(
      ['briefings', 'wall', 'per briefing', 'peak RSS'],
      g.count.map((c) => [c.briefings, fmtMs(c.wallMs), fmtMs(c.perBriefingMs), fmtMb(c.maxRssKb)]),
    ),
  );
  const c = g.countVerdict;
  if (c) {
    console.log(
      `  time: log-log slope ${c.slopeTime.toFixed(2)}${c.marginalTimeRatio !== undefined ? `, marginal cost per briefing ${c.marginalTimeRatio.toFixed(2)}×` : ''} → ${verdict(c.timeLinear)}; ` +
        (c.memoryMbPerBriefing === undefined
          ? ''
          : `peak memory ${c.memoryMbPerBriefing >= 0 ? '+' : ''}${c.memoryMbPerBriefing.toFixed(1)} MB per added briefing → ` +
            (c.memoryBounded
              ? 'bounded'
              : 'GROWS with the batch: something is kept from one briefing to the next')),
    );
  }
}

// ---------------------------------------------------------------------------- main

try {
  log(
    `briefkit bench${QUICK ? ' (quick)' : ''}: ${results.machine.cpu}, ${CORES} cores, Node ${process.version} (compile cache ${results.machine.compileCache}); peak RSS via ${rssMethod}`,
  );
  snapshotPackage();
  const timed = async (name, fn) => {
    const t = performance.now();
    await fn();
    partTimes[name] = Math.round(performance.now() - t);
  };
  if (PARTS.has('floor') || PARTS.has('cold')) await timed('processes', measureProcesses);
  if (PARTS.has('warm')) await timed('warm', measureWarm);
  if (PARTS.has('batch')) await timed('batch', measureBatch);
  if (PARTS.has('growth')) await timed('growth', measureGrowth);
  if (PARTS.has('imports')) await timed('imports', measureImports);
  if (PARTS.has('profile')) await timed('profile', measureProfile);
  results.machine.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  results.benchSeconds = Math.round((performance.now() - benchStarted) / 1000);
  results.partMs = partTimes;

  const m = results.machine;
  console.log(
    `\nbriefkit ${m.briefkit}${m.commit ? ` (${m.commit})` : ''} · ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB · ${m.os} · Node ${m.node}, compile cache ${m.compileCache}`,
  );
  // How much of the machine other processes used while we measured (median over every run).
  const others = [
    ...Object.values(results.processes ?? {}).map((x) => x.othersPct.median),
    results.warm?.othersPct,
    ...Object.values(results.batch?.runs ?? {}).map((r) => r.othersPct),
    ...(results.growth?.size ?? []).map((x) => x.othersPct.median),
  ].filter(Number.isFinite);
  results.machine.othersPct = others.length ? Math.round(stats(others).median) : undefined;
  console.log(
    `load average ${m.loadAverageAtStart.join(' ')} at start, ${m.loadAverageAtEnd.join(' ')} at end; ` +
      `other processes used ${m.othersPct ?? '?'}% of the CPUs while we measured (median; column "others")` +
      (m.othersPct > 10 ? ' — wall times are inflated by other work, CPU times less so' : '') +
      `; bench took ${results.benchSeconds} s${QUICK ? ' (quick: fewer runs, smaller batches)' : ''}\n`,
  );
  printHeadline();
  printPeers();
  printStages();
  printGrowth();
  printImports();
  if (results.profile) {
    console.log('');
    console.log(formatProfile(results.profile, { packages: 12, functions: 15 }));
    if (results.profile.file)
      console.log(`  (profile kept in ${results.profile.file}: open it in Chrome DevTools or speedscope)`);
  }
  const resultsFile = path.join(ROOT, 'bench', 'results.json');
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
} finally {
  if (process.env.BENCH_KEEP === '1') log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
