import { beforeAll, describe, expect, it } from 'vitest';
import { renderChartAssets } from '../../src/charts/index.js';
import { createChartRenderer, type ChartRenderer } from '../../src/charts/renderer.js';
import { BriefkitError } from '../../src/errors.js';
import { chartById, en, resolveLabelled, spec, syntheticBriefing, theme, withCharts } from './fixture.js';

const briefing = syntheticBriefing();
const resolve = (id: string) => resolveLabelled(briefing, id);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('createChartRenderer (PNG, for the deck)', () => {
  let renderer: ChartRenderer;
  beforeAll(async () => {
    renderer = await createChartRenderer(theme, { locale: en });
  });

  it('draws a PNG at three times the natural size by default, the same bytes each time', async () => {
    const chart = resolve('money-hbar');
    const png = await renderer.renderPng(chart);
    expect(renderer.pngScale).toBeGreaterThanOrEqual(2);
    expect(pngSize(png)).toEqual({ width: 480 * renderer.pngScale, height: 290 * renderer.pngScale });
    expect((await renderer.renderPng(chart)).equals(png)).toBe(true);
  });

  it('draws several PNGs at once, each the bytes it has alone', async () => {
    const ids = ['money-hbar', 'strikes-bar', 'money-hbar'];
    const alone: Buffer[] = [];
    for (const id of ids) alone.push(await renderer.renderPng(resolve(id)));
    const together = await Promise.all(ids.map((id) => renderer.renderPng(resolve(id))));
    together.forEach((png, i) => expect(png.equals(alone[i]!)).toBe(true));
    expect(together[0]!.equals(together[1]!)).toBe(false);
  });

  it('draws a PNG at 2x when asked', async () => {
    const twice = await createChartRenderer(theme, { pngScale: 2, width: 400, height: 250 });
    expect(pngSize(await twice.renderPng(resolve('strikes-bar')))).toEqual({ width: 800, height: 500 });
  });
});

describe('renderChartAssets', () => {
  it('draws every chart of the briefing, with PNGs only when asked', async () => {
    const withoutPng = await renderChartAssets(briefing, theme, en, { png: false });
    expect([...withoutPng.keys()]).toEqual(briefing.charts.map((c) => c.id));
    const asset = withoutPng.get('money-hbar')!;
    expect(asset.png).toBeUndefined();
    expect(asset.chart.numberFormat).toBe('"$"#,##0.0" bn"');
    expect(asset).toMatchObject({ width: 480, height: 290 });

    const oneChart = withCharts(briefing, [chartById(briefing, 'strikes-bar')]);
    const withPng = await renderChartAssets(oneChart, theme, en, { png: true, pngScale: 2 });
    expect(pngSize(withPng.get('strikes-bar')!.png!)).toEqual({ width: 960, height: 580 });
    expect(withPng.get('strikes-bar')!.drawing).toEqual(withoutPng.get('strikes-bar')!.drawing);
  });

  it('draws no vector drawing for a build without a PDF', async () => {
    const assets = await renderChartAssets(briefing, theme, en, { png: false, drawing: false });
    expect(assets.get('strikes-bar')!.drawing).toBeUndefined();
    expect(assets.get('strikes-bar')!.chart.id).toBe('strikes-bar');
  });

  it('returns nothing, and draws nothing, for a briefing without charts', async () => {
    expect((await renderChartAssets(withCharts(briefing, []), theme, en, { png: true })).size).toBe(0);
  });

  it('reports the problems of every chart at once', async () => {
    const broken = withCharts(briefing, [
      spec({ id: 'one', type: 'bar', figures: ['missing'] }),
      chartById(briefing, 'strikes-bar'),
      spec({ id: 'two', type: 'doughnut', series: 'synthetic-week' }),
    ]);
    const error = await renderChartAssets(broken, theme, en, { png: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).problems.map((p) => p.path)).toEqual([
      'charts[0].figures[0]',
      'charts[2].type',
    ]);
  });
});

describe('createChartRenderer: theme fonts', () => {
  it('says which font file of the theme cannot be loaded', async () => {
    const broken = {
      ...theme,
      fonts: { ...theme.fonts, heading: { ...theme.fonts.heading, bold: '/no/such/font.ttf' } },
    };
    const error = await createChartRenderer(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).code).toBe('THEME_ERROR');
    expect((error as BriefkitError).message).toContain('/no/such/font.ttf');
  });
});
