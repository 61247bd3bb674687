import type { ChartBlock } from '../../../document/types.js';
import { fail } from '../../../errors.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import type { Frame, LayoutContext } from '../types.js';
import { FIGURE_MAX_HEIGHT_SHARE, layoutFigure, shrinkable } from './figure.js';

/**
 * A chart as vector graphics with real text (the asset's drawing, replayed; never a
 * raster), scaled to the text width with its aspect ratio kept, with a numbered
 * caption and its source line. All of it is one flowable, so it is never split from
 * its caption.
 */
export function layoutChart(
  block: ChartBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const asset = ctx.assets.get(block.chartId);
  if (asset?.drawing === undefined) {
    fail('INTERNAL_ERROR', {
      message: `No chart drawing for chart "${block.chartId}" (Figure ${block.number}).`,
      expected: 'renderChartAssets() output, with drawings, that includes every chart the document places',
    });
  }
  const { drawing } = asset;
  const ratio = asset.height / asset.width;
  const width = Math.min(frame.width, (ctx.page.contentHeight * FIGURE_MAX_HEIGHT_SHARE) / ratio);
  const height = width * ratio;
  const natural = layoutFigure(
    {
      width,
      height,
      label: block.label,
      captionText: block.captionText,
      footText: block.sourceLine.text,
      alt: asset.chart.alt,
      picture: (x, node) => ({ kind: 'drawing', x, y: 0, width, height, drawing, node }),
    },
    ctx,
    frame,
    parent,
  );
  return [shrinkable(natural, width, height)];
}
