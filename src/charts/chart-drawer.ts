import type { BasicPlatform, Chart } from 'chart.js';
import { BriefkitError, isBriefkitError } from '../errors.js';
import type { Locale } from '../locale/locales.js';
import type { Theme } from '../theme/types.js';
import { chartConfig, defaultChartSize } from './chart-config.js';
import type { ChartDrawing } from './drawing.js';
import { loadChartFonts } from './recording/chart-fonts.js';
import { guardContext } from './recording/guard-context.js';
import { RecordingContext } from './recording/recording-context.js';
import type { LabelledChart } from './types.js';

export interface ChartDrawerOptions {
  /** Natural size in points. */
  width?: number;
  height?: number;
  /** Formats axis ticks; the briefing's locale. Default: English. */
  locale?: Locale;
}

export interface ChartDrawer {
  /** The chart as a vector drawing for the PDF, the same data for the same chart in every process. */
  draw(chart: LabelledChart): ChartDrawing;
}

/**
 * Draws resolved charts with chart.js onto a recording canvas context: no canvas
 * library, no pixels, no SVG. Text is measured with the theme's font files (the ones
 * the PDF embeds), so chart.js lays the chart out for the fonts it will be printed in.
 * chart.js loads here, lazily, only when charts are drawn.
 */
export async function createChartDrawer(
  theme: Theme,
  options: ChartDrawerOptions = {},
): Promise<ChartDrawer> {
  const [{ Chart, BasicPlatform }, fonts] = await Promise.all([loadChartJs(), loadChartFonts(theme)]);
  const width = options.width ?? defaultChartSize.width;
  const height = options.height ?? defaultChartSize.height;
  return {
    draw(chart) {
      const context = new RecordingContext(width, height, fonts);
      // The canvas chart.js needs: a size, a style it may write to, and the context.
      const canvas = { width, height, style: {}, getContext: () => guarded };
      const guarded = guardContext(context);
      context.canvas = canvas;
      const config = chartConfig(chart, theme, {
        width,
        devicePixelRatio: 1,
        ...(options.locale && { locale: options.locale }),
      });
      try {
        // chart.js draws once, synchronously, while it is constructed (no animation, not responsive).
        new Chart(canvas as never, { ...config, platform: BasicPlatform });
        return context.drawing();
      } catch (error) {
        // The recorder's own errors say which canvas call it lacks; this says which chart needed it.
        const problem = isBriefkitError(error) ? error.problems[0] : undefined;
        throw new BriefkitError(
          'INTERNAL_ERROR',
          {
            message: `could not draw chart "${chart.id}": ${problem?.message ?? String(error)}`,
            ...(problem?.expected && { expected: problem.expected }),
          },
          { cause: error },
        );
      } finally {
        // chart.js keeps every chart in a process-wide list until it is destroyed, also one that
        // failed halfway; releasing it here keeps a long watch session from holding on to it.
        // Its clear of the canvas must not hide the error that stopped the drawing.
        context.finished = true;
        Chart.getChart(canvas as never)?.destroy();
      }
    },
  };
}

interface ChartJs {
  Chart: typeof Chart;
  BasicPlatform: typeof BasicPlatform;
}
let chartJs: Promise<ChartJs> | undefined;

/** chart.js, loaded and set up on the first chart of the process (see chart-js.ts). */
function loadChartJs(): Promise<ChartJs> {
  chartJs ??= import('./chart-js.js').then((m) => m.registeredChartJs());
  return chartJs;
}
