/**
 * The charts stage, in two steps. Before compose, chart specs become resolved charts
 * (numbers, each value's formatted string, colours, alt text and sources: resolveCharts),
 * from which the document stage chooses the data labels its IR blocks carry. After
 * parse, the resolved charts are drawn with those labels (a vector drawing for the PDF,
 * PNG for the deck's image mode): renderChartAssets.
 *
 * For the renderers: `datasets[].values` stay in base units (dollars, not
 * billions); divide by `divisor` before plotting, and give native deck charts
 * `numberFormat`, which is written for the divided values ('"$"#,##0" bn"').
 * `sourceIds` are source ids, in the order the chart's data cites them.
 */
import type { Briefing } from '../briefing/types.js';
import { filesKey } from '../cache/index.js';
import type { DataLabel } from '../document/types.js';
import type { Locale } from '../locale/locales.js';
import { themeFontFaces } from '../theme/merge-theme.js';
import type { Theme } from '../theme/types.js';
import { defaultChartSize } from './chart-config.js';
import { createChartDrawer } from './chart-drawer.js';
import { cachedDrawing, drawingKey } from './drawing-cache.js';
import { createChartRenderer, type ChartRendererOptions } from './renderer.js';
import { resolveCharts } from './resolve-chart.js';
import type { ChartAsset, ResolvedChart } from './types.js';

export { checkChartSpec, type ChartProblem } from '../briefing/check-chart-spec.js';
export { chartConfig, defaultChartSize, type ChartConfigOptions } from './chart-config.js';
export { excelNumberFormat, formatTick, formatValue } from './chart-format.js';
export { createChartDrawer, type ChartDrawer, type ChartDrawerOptions } from './chart-drawer.js';
export type { ChartDrawing, DrawOp, PathSegment, TextFace } from './drawing.js';
export { createChartRenderer, type ChartRenderer, type ChartRendererOptions } from './renderer.js';
export { resolveChart, resolveCharts } from './resolve-chart.js';
export type { ChartAsset, ChartAssets, LabelledChart, ResolvedChart } from './types.js';

export interface RenderChartAssetsOptions extends Omit<ChartRendererOptions, 'locale'> {
  /** Draw each chart as a vector drawing, for the PDF. Default true; a deck-only build needs none. */
  drawing?: boolean;
  /**
   * Also draw a PNG of each chart, for the deck's image mode (true), or only of the charts
   * a native deck chart cannot draw as the PDF does (`deckImage`, 'where-needed').
   */
  png: boolean | 'where-needed';
  /** The theme the PNGs are drawn with (the deck's colours); default the report's theme. */
  pngTheme?: Theme;
  /**
   * The data labels the document chose for each chart (its IR block's `dataLabels`), by
   * chart id. The drawings print exactly these; a chart without an entry has none.
   */
  labels?: ReadonlyMap<string, readonly DataLabel[]>;
  /** The briefing's charts already resolved (the pipeline resolves them before parse); else resolved here. */
  charts?: readonly ResolvedChart[];
}

/**
 * The charts stage: every chart of the briefing, resolved and drawn, by chart id.
 * All charts are resolved before any is drawn, so every broken spec is reported
 * at once. Drawings for the PDF need chart.js only; canvas loads only for PNGs (the
 * deck's image mode), so a PDF, a deck with native charts or a briefing without
 * charts never loads it.
 */
export async function renderChartAssets(
  briefing: Briefing,
  theme: Theme,
  locale: Locale,
  options: RenderChartAssetsOptions,
): Promise<Map<string, ChartAsset>> {
  const {
    png,
    pngTheme,
    drawing: wantDrawing = true,
    labels = new Map<string, readonly DataLabel[]>(),
    charts = resolveCharts(briefing, theme, locale),
    ...rendererOptions
  } = options;
  const assets = new Map<string, ChartAsset>();
  if (charts.length === 0) return assets;
  const width = rendererOptions.width ?? defaultChartSize.width;
  const height = rendererOptions.height ?? defaultChartSize.height;
  const drawer = wantDrawing ? await createChartDrawer(theme, { width, height, locale }) : undefined;
  const wantsPng = (chart: ResolvedChart): boolean =>
    png === true || (png === 'where-needed' && chart.deckImage === true);
  const pngRenderer = charts.some(wantsPng)
    ? await createChartRenderer(pngTheme ?? theme, { ...rendererOptions, locale })
    : undefined;
  // A drawing is measured with the theme's font files: their stamps key it, so an edited font redraws.
  const fonts = await filesKey(fontFiles([theme, pngTheme ?? theme]));
  const pngs: Promise<void>[] = [];
  for (const chart of charts) {
    const labelled = { ...chart, labels: labels.get(chart.id) ?? [] };
    const key = (kind: string, drawTheme: Theme) =>
      drawingKey(kind, labelled, drawTheme, fonts, locale.numberTag, locale.dateTag, rendererOptions);
    const asset: ChartAsset = {
      chart,
      width,
      height,
      ...(drawer && { drawing: cachedDrawing(key('drawing', theme), () => drawer.draw(labelled)) }),
    };
    if (pngRenderer && wantsPng(chart)) {
      const png = cachedDrawing(key('png', pngTheme ?? theme), () => pngRenderer.renderPng(labelled));
      const placed = png.then((bytes) => void (asset.png = bytes));
      // Awaited below; if a later chart's drawing throws first, this failure must not go unhandled.
      placed.catch(() => undefined);
      pngs.push(placed);
    }
    assets.set(chart.id, asset);
  }
  // Each PNG compresses off the main thread while chart.js draws the next chart.
  await Promise.all(pngs);
  return assets;
}

function fontFiles(themes: readonly Theme[]): string[] {
  const faces = themes.flatMap(themeFontFaces);
  return [...new Set(faces.flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]))].sort();
}
