import type { ChartBlock } from '../../../document/types.js';
import { fail } from '../../../errors.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import { metricsFor, smallStyle } from '../styles.js';
import { layoutInlines, stackLines } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

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
  const figure = ctx.struct.add(parent, 'Figure', { alt: asset.chart.alt });
  const captionElement = ctx.struct.add(parent, 'Caption');
  const captionTop = height + CAPTION_GAP;
  const sourceTop = captionTop + caption.length * captionMetrics.lineHeight;
  return [
    {
      height: sourceTop + source.length * sourceMetrics.lineHeight,
      spaceBefore: theme.sizes.paragraphGap * 2,
      keepWithNext: false,
      float: true,
      boxes: [
        { kind: 'drawing', x, y: 0, width, height, drawing, node: figure },
        ...stackLines(caption, frame.x, captionTop, captionMetrics, captionElement),
        ...stackLines(source, frame.x, sourceTop, sourceMetrics, captionElement),
      ],
    },
  ];
}
