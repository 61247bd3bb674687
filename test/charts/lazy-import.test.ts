import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = (relative: string) => fileURLToPath(new URL(`../../src/${relative}`, import.meta.url));
const geneva = fileURLToPath(new URL('../../data/geneva-2026-02-26.yaml', import.meta.url));
const dist = new URL('../../dist/index.js', import.meta.url).href;

/**
 * Runs a script in a fresh process, where the module cache shows exactly what was
 * loaded, and returns how many files of canvas (a native addon) and
 * chartjs-node-canvas it loaded.
 */
function canvasFilesAfter(body: string, sources = true): { before: number; after: number } {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const heavy = () => Object.keys(require.cache).filter((k) => /node_modules\\/(canvas|chartjs-node-canvas)\\//.test(k)).length;
    ${body}
  `;
  const loader = sources ? ['--import', 'tsx'] : [];
  const out = execFileSync(process.execPath, [...loader, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { before: number; after: number };
}

/**
 * Commands that draw no PNG must not pay for canvas: the PDF's charts are recorded
 * by chart.js on a context of briefkit's own, and native deck charts need no drawing.
 */
describe('lazy loading', () => {
  it('loads canvas only when a PNG renderer is created', () => {
    const { before, after } = canvasFilesAfter(`
      const charts = await import(${JSON.stringify(src('charts/index.ts'))});
      const before = heavy();
      const { defaultTheme } = await import(${JSON.stringify(src('theme/default-theme.ts'))});
      await charts.createChartDrawer(defaultTheme());
      const drawerOnly = heavy();
      await charts.createChartRenderer(defaultTheme());
      console.log(JSON.stringify({ before: before + drawerOnly, after: heavy() }));
    `);
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
  });

  // Through the bundled API (dist/, built by the global setup), as users load it: a
  // bundler could turn a lazy import static; the sources' imports are checked below.
  it('never loads canvas to build the PDF and a deck with native charts', () => {
    const { before, after } = canvasFilesAfter(
      `
      const { build } = await import(${JSON.stringify(dist)});
      const result = await build(${JSON.stringify(geneva)}, { date: '2026-02-27', deckCharts: 'native', config: false });
      if (!result.pdf || !result.pptx) throw new Error('no outputs');
      console.log(JSON.stringify({ before: 0, after: heavy() }));
    `,
      false,
    );
    expect(before).toBe(0);
    expect(after).toBe(0);
  });

  it('imports chart.js and canvas only lazily in the charts stage and the PDF renderer', () => {
    const offenders = ['charts', 'render/pdf'].flatMap((dir) =>
      sources(src(dir)).flatMap((file) =>
        [
          ...readFileSync(file, 'utf8').matchAll(
            /^import (?!type )[^;]*from '(chart\.js|canvas|chartjs-node-canvas|svg-to-pdfkit)';/gm,
          ),
        ]
          .map((match) => `${path.relative(src(''), file)}: ${match[1]}`)
          // chart-js.ts imports chart.js by name (for the bundler) and is itself only ever
          // imported lazily (below); SVG logos load svg-to-pdfkit lazily too.
          .filter((o) => o !== 'charts/chart-js.ts: chart.js'),
      ),
    );
    expect(offenders).toEqual([]);
    const staticImporters = sources(src('')).filter((file) =>
      /^import (?!type )[^;]*from '[./]*chart-js\.js';/m.test(readFileSync(file, 'utf8')),
    );
    expect(staticImporters).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}
