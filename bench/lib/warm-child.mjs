// A warm rebuild, as `briefkit watch` and the API do it: one process imports the
// bundled API once, builds the briefing once to warm up, then rebuilds it N times.
// Each rebuild is build() (in memory, as the API) then writeOutputs() (to disk, as
// watch). Run with --expose-gc: the heap is read after a full collection once after
// the warm-up and once after the last rebuild, which shows memory kept from one
// rebuild to the next. No collection is forced between timed rebuilds: it slows the
// next one by a third (V8 drops compiled code and caches) and a watch never does it.
//
//   node --expose-gc bench/lib/warm-child.mjs <dist/index.js> <briefing> <outDir> <runs>
//
// Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [distIndex, file, outDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const started = performance.now();
const api = await import(pathToFileURL(distIndex).href);
const importMs = performance.now() - started;
const options = { formats: ['pdf', 'pptx'], date: '2026-02-27' };

const heapAfterGcKb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024;
};

async function rebuild(kind) {
  const t0 = performance.now();
  const result = await api.build(file, options);
  const t1 = performance.now();
  await api.writeOutputs(result, outDir);
  const t2 = performance.now();
  return {
    kind,
    buildMs: t1 - t0,
    writeMs: t2 - t1,
    totalMs: t2 - t0,
    timings: { ...result.timings, write: t2 - t1 },
    pdfBytes: result.pdf?.length ?? 0,
    pptxBytes: result.pptx?.length ?? 0,
    rssKb: process.memoryUsage().rss / 1024,
  };
}

const iterations = [await rebuild('first')];
const heapStartKb = heapAfterGcKb();
// One untimed rebuild after the collection, so the timed ones start warm.
iterations.push(await rebuild('rewarm'));
for (let i = 0; i < runs; i++) iterations.push(await rebuild('timed'));
const heapEndKb = heapAfterGcKb();
// A leak check after the timed rebuilds. Growth until then is the process-wide caches
// (fonts, shaped words, compiled templates, chart drawings, deflated deck parts) and V8's
// compiled code filling up; after 10 more rebuilds both hold what this briefing needs, so
// whatever the heap still gains over the next 20 is kept per rebuild: a leak.
for (let i = 0; i < 10; i++) await rebuild('settle');
const heapSettledKb = heapAfterGcKb();
const leakRuns = 20;
for (let i = 0; i < leakRuns; i++) iterations.push(await rebuild('leak-check'));
const heapAfterLeakRunsKb = heapAfterGcKb();
process.stdout.write(
  `${JSON.stringify({
    importMs,
    iterations,
    heapStartKb,
    heapEndKb,
    heapSettledKb,
    heapAfterLeakRunsKb,
    leakRuns,
    // Rebuilds between the two readings of the heap.
    rebuildsBetween: runs + 1,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
