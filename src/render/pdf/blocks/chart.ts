import type { ChartBlock } from '../../../document/types.js';
import { fail } from '../../../errors.js';
import { replayDrawing } from '../replay-drawing.js';
import { metricsFor, smallStyle } from '../styles.js';
import { addStruct, drawTagged } from '../tagging.js';
import { drawLine } from '../text/draw-line.js';
import { layoutInlines } from '../text/text-flow.js';
import type { Flowable, Frame, LayoutContext, StructElement } from '../types.js';

// A chart may take at most this share of the text area, so it shares a page with its caption.
const MAX_HEIGHT_SHARE = 0.55;
const CAPTION_GAP = 7;

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
  parent: StructElement,
): Flowable[] {
  const asset = ctx.assets.get(block.chartId);
  if (asset?.drawing === undefined) {
    fail('INTERNAL_ERROR', {
      message: `No chart drawing for chart "${block.chartId}" (Figure ${block.number}).`,
      expected: 'renderChartAssets() output, with drawings, that includes every chart the document places',
    });
  }
  const { drawing } = asset;
  const { theme } = ctx;
  const ratio = asset.height / asset.width;
  const width = Math.min(frame.width, (ctx.page.contentHeight * MAX_HEIGHT_SHARE) / ratio);
  const height = width * ratio;
  const x = frame.x + (frame.width - width) / 2;
  const captionStyle = smallStyle(ctx, { size: theme.sizes.small + 0.5 });
  const caption = layoutInlines(
    ctx,
    [
      { type: 'strong', children: [{ type: 'text', text: block.label }] },
      { type: 'text', text: block.captionText.slice(block.label.length) },
    ],
    captionStyle,
    frame.width,
  );
  const sourceStyle = smallStyle(ctx, { color: theme.colors.muted });
  const source = block.sourceLine.text
    ? layoutInlines(ctx, [{ type: 'text', text: block.sourceLine.text }], sourceStyle, frame.width)
    : [];
  const captionMetrics = metricsFor(ctx, captionStyle.size);
  const sourceMetrics = metricsFor(ctx, sourceStyle.size);
  const figure = addStruct(ctx.pdf, parent, 'Figure', { alt: asset.chart.alt });
  const captionElement = addStruct(ctx.pdf, parent, 'Caption');
  return [
    {
      height:
        height +
        CAPTION_GAP +
        caption.length * captionMetrics.lineHeight +
        source.length * sourceMetrics.lineHeight,
      spaceBefore: theme.sizes.paragraphGap * 2,
      keepWithNext: false,
      draw: (y) => {
        drawTagged(ctx.pdf, figure, 'Figure', () => replayDrawing(ctx, drawing, { x, y, width, height }));
        let baselineY = y + height + CAPTION_GAP;
        for (const line of caption) {
          drawLine(ctx, line, frame.x, baselineY + captionMetrics.baseline, captionElement, 'Caption');
          baselineY += captionMetrics.lineHeight;
        }
        for (const line of source) {
          drawLine(ctx, line, frame.x, baselineY + sourceMetrics.baseline, captionElement, 'Caption');
          baselineY += sourceMetrics.lineHeight;
        }
      },
    },
  ];
}
