import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { boundedCache, filesKey } from '../cache/index.js';
import { BriefkitError } from '../errors.js';
import type { Locale } from '../locale/locales.js';
import { faceFiles, registerThemeFonts } from '../theme/canvas-fonts.js';
import { loadCanvasModule } from '../theme/native-canvas.js';
import type { Theme } from '../theme/types.js';
import { chartConfig, defaultChartSize } from './chart-config.js';
import type { LabelledChart } from './types.js';

export interface ChartRendererOptions {
  /** Natural size in points (the PNG is this times pngScale in pixels). */
  width?: number;
  height?: number;
  /**
   * Pixels per point of the PNG. Default 3: a chart spread across a 16:9 slide is
   * about 1,440 px wide, sharp on a 1080p projector; 2 is enough for a half-slide image.
   */
  pngScale?: number;
  /** Formats axis ticks; the briefing's locale. Default: English. */
  locale?: Locale;
}

export interface ChartRenderer {
  /**
   * A PNG of width × pngScale by height × pngScale pixels, on the theme's background. chart.js
   * draws it before this returns; the pixels are compressed on libuv's threads, so the PNGs of
   * several charts compress side by side while chart.js draws the next (the same bytes as a
   * compression on the main thread: the same encoder, the same settings).
   */
  renderPng(chart: LabelledChart): Promise<Buffer>;
  readonly pngScale: number;
}

/**
 * Draws resolved charts with chart.js on node-canvas as PNGs, for the deck's image
 * mode (the PDF's vector charts come from chart-drawer.ts, without canvas). The canvas
 * is made once per process for each set of theme fonts and size, and reused by every
 * build (each one loads its own copy of chart.js and canvas, which is never released);
 * the theme's fonts are registered first so the text is drawn with the same glyphs on
 * every machine, never a system font. chartjs-node-canvas and canvas load here,
 * lazily, only when PNGs are drawn.
 */
export async function createChartRenderer(
  theme: Theme,
  options: ChartRendererOptions = {},
): Promise<ChartRenderer> {
  const { ChartJSNodeCanvas } = await loadCanvasModule(
    () => import('chartjs-node-canvas'),
    'a picture chart (--deck-charts image)',
  );
  const width = options.width ?? defaultChartSize.width;
  const height = options.height ?? defaultChartSize.height;
  const pngScale = options.pngScale ?? 3;
  if (!(pngScale >= 1)) {
    throw new BriefkitError('CONFIG_ERROR', {
      message: `chart pngScale is ${pngScale}`,
      expected: 'a number, 1 or more',
    });
  }
  const canvas = canvases.get(await canvasKey(theme, width, height), () => {
    const created = new ChartJSNodeCanvas({ width, height });
    registerThemeFonts((file, face) => created.registerFont(file, face), theme);
    return created;
  });
  const base = { width, ...(options.locale && { locale: options.locale }) };

  return {
    pngScale,
    renderPng(chart) {
      // chart.js scales the canvas by devicePixelRatio, so the layout is the natural size's, only sharper.
      const config = chartConfig(chart, theme, {
        ...base,
        devicePixelRatio: pngScale,
        background: theme.colors.background,
      });
      return draw(chart, () => canvas.renderToBuffer(config, 'image/png'));
    },
  };
}

/** Canvases by size and theme fonts (families, files and the files' stamps). */
const canvases = boundedCache<ChartJSNodeCanvas>({ name: 'chart canvases', maxEntries: 8 });

async function canvasKey(theme: Theme, width: number, height: number): Promise<string> {
  const faces = [theme.fonts.body, theme.fonts.heading];
  const files = await filesKey(faces.flatMap((f) => faceFiles(f).map(([file]) => file)));
  return [width, height, ...faces.map((f) => f.family), files].join('\0');
}

async function draw(chart: LabelledChart, render: () => Promise<Buffer>): Promise<Buffer> {
  try {
    return await render();
  } catch (error) {
    throw new BriefkitError(
      'INTERNAL_ERROR',
      { message: `could not draw chart "${chart.id}": ${String(error)}` },
      { cause: error },
    );
  }
}
