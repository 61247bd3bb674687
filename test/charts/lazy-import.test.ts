import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const chartsIndex = fileURLToPath(new URL('../../src/charts/index.ts', import.meta.url));
const theme = fileURLToPath(new URL('../../src/theme/default-theme.ts', import.meta.url));

/**
 * Commands that draw no chart (validate, a deck with native charts only) must not
 * pay for canvas and chart.js. Checked in a fresh process, where the module cache
 * shows exactly what an import pulled in.
 */
describe('lazy loading', () => {
  it('loads canvas and chart.js only when a renderer is created', () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const heavy = () => Object.keys(require.cache).filter((k) => /node_modules\\/(canvas|chartjs-node-canvas|chart\\.js)\\//.test(k)).length;
      const charts = await import(${JSON.stringify(chartsIndex)});
      const before = heavy();
      const { defaultTheme } = await import(${JSON.stringify(theme)});
      await charts.createChartRenderer(defaultTheme());
      console.log(JSON.stringify({ before, after: heavy() }));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    const { before, after } = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      before: number;
      after: number;
    };
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
  });
});
